"""iCalendar (RFC 5545) files of events: one event, or a whole dialogue year."""

import datetime

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from workshops.models import Event

ICS_STATUS = {
    Event.Status.PROPOSED: "TENTATIVE",
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.HELD: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
}


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//IOM//IDM Portal//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def calendar_event(event, url):
    """An all-day entry for a dated event (the dialogue meets over whole days)."""
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}-{event.slug}@idm-portal")
    entry.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    entry.add("summary", event.title)
    entry.add("dtstart", event.start_date)
    entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    entry.add("status", ICS_STATUS[event.status])
    entry.add("url", url)
    location = ", ".join(part for part in [event.venue, event.city] if part)
    if location:
        entry.add("location", location)
    details = [f"{event.get_kind_display()} · {event.get_status_display()}"]
    if event.description:
        details.append(event.description)
    details.append(url)
    entry.add("description", "\n\n".join(details))
    return entry


def event_calendar(event, url):
    calendar = new_calendar(event.title)
    calendar.add_component(calendar_event(event, url))
    return calendar.to_ical()


def dialogue_calendar(name, events_with_urls):
    """Every dated event; events whose date is still to be announced cannot be placed."""
    calendar = new_calendar(name)
    for event, url in events_with_urls:
        if event.dates_known:
            calendar.add_component(calendar_event(event, url))
    return calendar.to_ical()
