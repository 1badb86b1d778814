"""Programme snippets other pages can show without importing this app, e.g. the home page:
`{% load workshops_tags %}{% programme_for dialogue %}`."""

from django import template
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workshops.models import Event, Registration, RegistrationPhase, TimePhase

register = template.Library()

# Day-month-year in each interface language (the IDM writes "25-26 March 2009").
FULL_DATE = {"en": "j F Y", "fr": "j F Y", "es": r"j \d\e F \d\e Y"}
DAY_MONTH = {"en": "j F", "fr": "j F", "es": r"j \d\e F"}

STATUS_BADGES = {
    Event.Status.PROPOSED: "text-bg-light border",
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


TIME_PHASE_BADGES = {
    TimePhase.UPCOMING: "text-bg-primary",
    TimePhase.TAKING_PLACE: "text-bg-success",
    TimePhase.HELD: "text-bg-secondary",
    TimePhase.CANCELLED: "text-bg-danger",
}


@register.inclusion_tag("workshops/tags/programme.html")
def programme_for(dialogue):
    """The events of a dialogue year, in calendar order."""
    events = dialogue.events.in_calendar_order() if dialogue else Event.objects.none()
    return {"dialogue": dialogue, "events": events.with_seats_taken()}


@register.inclusion_tag("workshops/tags/open_registrations.html")
def open_registrations(limit=5):
    """The next events whose registration is open, whatever their dialogue year."""
    events = Event.objects.open_for_registration().select_related("dialogue")
    return {"events": list(events.in_calendar_order().with_seats_taken()[:limit])}


@register.inclusion_tag("workshops/tags/phases.html")
def event_phases(event):
    """The event's phase in time and the phase of its registration, in words."""
    time_phase = event.time_phase()
    registration_phase = event.registration_phase()
    return {
        "time_phase": TimePhase(time_phase).label,
        "time_phase_badge": TIME_PHASE_BADGES[time_phase],
        "time_phase_value": time_phase,
        # Proposed / confirmed say something only before the event (whether it is funded is
        # the funding app's tag, computed from the numbers).
        "planning_status": event if time_phase == TimePhase.UPCOMING else None,
        "registration_phase_value": registration_phase,
        "registration_text": registration_phase_text(event, registration_phase),
    }


def registration_phase_text(event, phase):
    """'Registration opens on …', 'Registration open until … · 12 seats left', 'Full: …'."""
    if phase == RegistrationPhase.NONE:
        return ""
    if phase == RegistrationPhase.NOT_YET_OPEN:
        return _("Registration opens on %(date)s") % {
            "date": format_datetime(event.registration_opens_at)
        }
    if phase == RegistrationPhase.FULL:
        return _("All seats are taken: if you register, you join the waiting list.")
    if phase == RegistrationPhase.OPEN:
        if event.registration_closes_at:
            text = _("Registration open until %(date)s") % {
                "date": format_datetime(event.registration_closes_at)
            }
        else:
            text = _("Registration open")
        seats = event.seats_left
        if seats is not None:
            text += " · " + ngettext("%(count)s seat left", "%(count)s seats left", seats) % {
                "count": seats
            }
        return text
    return _("Registration closed")


def format_datetime(value):
    """A date and time in the portal's time zone, naming the time zone (e.g. 'CET')."""
    local = timezone.localtime(value)
    full, _day_month = _formats()
    return f"{format_date(local, full)}, {format_date(local, 'H:i T')}"


@register.inclusion_tag("workshops/tags/nomination_events.html")
def nomination_events(user):
    """For a focal point: events open for registration, to which they nominate their state's
    delegation (/events/<slug>/nominate/)."""
    if not getattr(user, "is_focal_point", False):
        return {"events": None}
    events = Event.objects.open_for_registration().select_related("dialogue")
    return {"events": list(events.in_calendar_order().with_seats_taken())}


@register.inclusion_tag("workshops/_my_registrations_table.html")
def registrations_of(user):
    """The registrations made with the account or its email address."""
    return {"registrations": Registration.objects.of_user(user)}
