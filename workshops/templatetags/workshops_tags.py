"""Programme snippets other pages can show without importing this app, e.g. the home page:
`{% load workshops_tags %}{% programme_for dialogue %}`."""

from django import template
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from workshops.models import Event

register = template.Library()

# Day-month-year in each interface language (the IDM writes "25-26 March 2009").
FULL_DATE = {"en": "j F Y", "fr": "j F Y", "es": r"j \d\e F \d\e Y"}
DAY_MONTH = {"en": "j F", "fr": "j F", "es": r"j \d\e F"}

STATUS_BADGES = {
    Event.Status.PROPOSED: "text-bg-light border",
    Event.Status.SUBJECT_TO_FUNDING: "text-bg-warning",
    Event.Status.CONFIRMED: "text-bg-success",
    Event.Status.HELD: "text-bg-secondary",
    Event.Status.CANCELLED: "text-bg-danger",
}


def _formats():
    language = (translation.get_language() or "en").split("-")[0]
    return FULL_DATE.get(language, FULL_DATE["en"]), DAY_MONTH.get(language, DAY_MONTH["en"])


@register.filter
def event_dates(event):
    """'25–26 March 2009', '30 March – 2 April 2009', or 'Date to be announced'."""
    start, end = event.start_date, event.last_day
    if start is None:
        return _("Date to be announced")
    full, day_month = _formats()
    if start == end:
        return format_date(start, full)
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, 'j')}–{format_date(end, full)}"
    if start.year == end.year:
        return f"{format_date(start, day_month)} – {format_date(end, full)}"
    return f"{format_date(start, full)} – {format_date(end, full)}"


@register.filter
def status_badge(event):
    return STATUS_BADGES.get(event.status, "text-bg-light")


@register.inclusion_tag("workshops/tags/programme.html")
def programme_for(dialogue):
    """The events of a dialogue year, in calendar order."""
    events = dialogue.events.in_calendar_order() if dialogue else Event.objects.none()
    return {"dialogue": dialogue, "events": events}
