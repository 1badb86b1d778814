"""Automatic reminders to confirmed registrants, settings.IDM_EVENT_REMINDER_DAYS days before
their event starts (idm.reminders runs this)."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.utils import timezone

from idm.reminders import send_once
from workshops.emails import send_event_reminder
from workshops.models import Event, Registration

KIND = "event_start"


def send_due_event_reminders(now):
    """Remind, once each, the confirmed registrants of events starting within the next
    IDM_EVENT_REMINDER_DAYS days."""
    today = timezone.localdate(now)
    registrations = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        event__start_date__gte=today,
        event__start_date__lte=today + timedelta(days=settings.IDM_EVENT_REMINDER_DAYS),
    ).exclude(event__status=Event.Status.CANCELLED)
    sent = 0
    for registration in registrations.select_related("event", "user"):
        sent += send_once(
            kind=KIND,
            key=f"registration:{registration.pk}",
            send=partial(send_event_reminder, registration),
        )
    return sent
