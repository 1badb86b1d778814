"""The emails participants receive about their registration (confirmed, waiting list,
promoted from the waiting list, cancelled, the links they asked for), in their language: an
account's preferred language, else the language they registered in."""

import datetime

from django.conf import settings
from django.utils import timezone

from idm.emails import Attachment, send_email
from idm.links import absolute_url
from workshops.calendar import event_calendar


def recipient_language(registration):
    if registration.user_id is not None:
        return registration.user.preferred_language
    return registration.language


def registration_context(registration):
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "registration_url": absolute_url(registration.get_absolute_url()),
        "event_url": absolute_url(event.get_absolute_url()),
        "venue": ", ".join(part for part in [event.venue, event.city] if part),
        "starts_at": first_start(event),
        "time_zone": time_zone_name(event),
    }


def first_start(event):
    """When the first timed agenda item begins (aware, portal time zone), if announced."""
    session = (
        event.sessions.filter(date__isnull=False, starts_at__isnull=False)
        .order_by("date", "starts_at")
        .first()
    )
    if session is None:
        return None
    return datetime.datetime.combine(
        session.date, session.starts_at, tzinfo=timezone.get_current_timezone()
    )


def time_zone_name(event):
    """The time zone agenda times are given in, e.g. 'CET (Europe/Zurich)'."""
    day = event.start_date or timezone.localdate()
    noon = datetime.datetime.combine(day, datetime.time(12), timezone.get_current_timezone())
    return f"{noon.tzname()} ({settings.TIME_ZONE})"


def calendar_attachments(registration):
    """The event's .ics, for a confirmed seat at a dated event."""
    event = registration.event
    if registration.status != registration.Status.CONFIRMED or not event.dates_known:
        return []
    url = absolute_url(event.get_absolute_url())
    return [Attachment(f"{event.slug}.ics", event_calendar(event, url), "text/calendar")]


def send_registration_email(registration):
    """Tell the participant their registration is confirmed or on the waiting list; a
    confirmation carries the event's .ics."""
    send_about_registration(
        registration, "registration", attachments=lambda: calendar_attachments(registration)
    )


def send_cancellation_email(registration):
    """Confirm to the participant that their registration is cancelled."""
    send_about_registration(registration, "cancelled")


def send_lost_links_email(email, registrations):
    """The links of every registration made with `email`, in the language of the latest."""
    registrations = list(registrations)
    send_email(
        to=email,
        language=recipient_language(registrations[-1]),
        subject_template="workshops/email/lost_link_subject.txt",
        text_template="workshops/email/lost_link_body.txt",
        context=lambda: {
            "rows": [
                {
                    "registration": registration,
                    "event": registration.event,
                    "url": absolute_url(registration.get_absolute_url()),
                }
                for registration in registrations
            ],
        },
    )


def send_event_reminder(registration):
    """Remind a registrant that their event starts soon."""
    send_about_registration(registration, "reminder")


def send_registration_received_email(registration):
    """Tell the participant (or nominee) that staff will decide on their registration."""
    send_about_registration(registration, "registration_received")


def send_registration_declined_email(registration):
    """Tell the participant that staff declined their registration."""
    send_about_registration(registration, "registration_declined")


def send_about_registration(registration, name, *, attachments=()):
    """workshops/email/<name>_subject.txt and <name>_body.txt, about one registration, in
    the participant's language (the context is built in that language)."""
    send_email(
        to=registration.email,
        language=recipient_language(registration),
        subject_template=f"workshops/email/{name}_subject.txt",
        text_template=f"workshops/email/{name}_body.txt",
        context=lambda: registration_context(registration),
        attachments=attachments,
    )
