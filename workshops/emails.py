"""The emails participants receive about their registration (confirmed, waiting list,
promoted from the waiting list), in their language: an account's preferred language, else
the language they registered in."""

from idm.emails import send_email
from idm.links import absolute_url


def recipient_language(registration):
    if registration.user_id is not None:
        return registration.user.preferred_language
    return registration.language


def send_registration_email(registration):
    """Tell the participant their registration is confirmed or on the waiting list."""
    send_email(
        to=registration.email,
        language=recipient_language(registration),
        subject_template="workshops/email/registration_subject.txt",
        text_template="workshops/email/registration_body.txt",
        context={
            "registration": registration,
            "event": registration.event,
            "registration_url": absolute_url(registration.get_absolute_url()),
            "event_url": absolute_url(registration.event.get_absolute_url()),
        },
    )


def send_event_reminder(registration):
    """Remind a registrant that their event starts soon."""
    send_email(
        to=registration.email,
        language=recipient_language(registration),
        subject_template="workshops/email/reminder_subject.txt",
        text_template="workshops/email/reminder_body.txt",
        context={
            "registration": registration,
            "event": registration.event,
            "registration_url": absolute_url(registration.get_absolute_url()),
            "event_url": absolute_url(registration.event.get_absolute_url()),
        },
    )


def send_registration_received_email(registration):
    """Tell the participant (or nominee) that staff will decide on their registration."""
    _send_about_registration(registration, "registration_received")


def send_registration_declined_email(registration):
    """Tell the participant that staff declined their registration."""
    _send_about_registration(registration, "registration_declined")


def _send_about_registration(registration, name):
    send_email(
        to=registration.email,
        language=recipient_language(registration),
        subject_template=f"workshops/email/{name}_subject.txt",
        text_template=f"workshops/email/{name}_body.txt",
        context={
            "registration": registration,
            "event": registration.event,
            "registration_url": absolute_url(registration.get_absolute_url()),
            "event_url": absolute_url(registration.event.get_absolute_url()),
        },
    )
