"""The evaluation of an event on pages of other apps, which do not import this one: the
participants' staff page shows `{% load surveys_evaluations %}{% event_evaluation event %}`."""

from django import template

from surveys.evaluations.summary import event_evaluation_summary

register = template.Library()


@register.inclusion_tag("surveys/tags/event_evaluation.html")
def event_evaluation(event):
    """Where the event's evaluation stands (response rate) with links to its page and results;
    or a link to attach one (four queries)."""
    return {"event": event, "summary": event_evaluation_summary(event)}


@register.simple_tag
def evaluation_summary(event):
    """`{% evaluation_summary event as summary %}`: the EvaluationSummary, or None."""
    return event_evaluation_summary(event)
