"""Principles on other pages (e.g. a dialogue year's page) without importing this app:
`{% load principles_tags %}{% principle_sets_for dialogue %}`."""

from django import template

from principles.models import PrincipleSet

register = template.Library()


@register.inclusion_tag("principles/tags/principle_sets.html")
def principle_sets_for(dialogue):
    sets = PrincipleSet.objects.filter(dialogue=dialogue).prefetch_related("principles")
    return {"principle_sets": sets}
