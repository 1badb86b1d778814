"""Links to the funding reports that other apps' pages show to staff, without importing this
app (`{% load funding_report_tags %}{% funding_report_link dialogue %}`), the money filter of
the report templates, and the hook through which the event report shows evaluation results."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.template.loader import get_template
from django.urls import reverse
from django.utils.formats import number_format

register = template.Library()

REPORT_PERMISSION = "funding.view_funding_report"
# Provided by the surveys app once event evaluations exist; rendered with `event` in its
# context. Without it the event report simply has no evaluation section.
EVALUATION_TEMPLATE = "surveys/_event_evaluation_summary.html"


def _may_see_reports(context):
    user = context.get("user")
    return bool(user is not None and user.has_perm(REPORT_PERMISSION))


@register.filter
def money(amount):
    """12500 -> "12,500.00" in the reader's language (grouped, two decimals)."""
    if amount is None or amount == "":
        return ""
    return floatformat(amount, "2g")


@register.filter
def rate(value):
    """An exchange rate with the decimals it has and no trailing zeros: 0.92, 1.3125, 1."""
    if value is None or value == "":
        return ""
    decimals = max(-Decimal(value).normalize().as_tuple().exponent, 0)
    return number_format(value, decimals)


@register.inclusion_tag("funding/tags/report_link.html", takes_context=True)
def funding_report_link(context, dialogue):
    """The staff's button to the year's funding report (nothing for anybody else)."""
    if not _may_see_reports(context):
        return {"href": None}
    return {"href": reverse("funding:report", args=[dialogue.year]), "kind": "year"}


@register.inclusion_tag("funding/tags/report_link.html", takes_context=True)
def event_report_link(context, event):
    """The staff's button to the event's report (nothing for anybody else)."""
    if not _may_see_reports(context):
        return {"href": None}
    return {"href": reverse("funding:event-report", args=[event.slug]), "kind": "event"}


@register.simple_tag(takes_context=True)
def event_evaluation(context, event):
    """The evaluation results of `event` as the surveys app renders them, or nothing while
    that app provides no such template."""
    try:
        evaluation = get_template(EVALUATION_TEMPLATE)
    except template.TemplateDoesNotExist:
        return ""
    flat = context.flatten()
    flat["event"] = event
    return evaluation.render(flat, context.get("request"))
