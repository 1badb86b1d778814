"""The emails participants receive about their registration, in the language they used."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def absolute_url(path):
    return f"{settings.IDM_SITE_URL.rstrip('/')}{path}"


def send_registration_email(registration):
    """Tell the participant their registration is confirmed or on the waiting list."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "registration_url": absolute_url(registration.get_absolute_url()),
            "event_url": absolute_url(registration.event.get_absolute_url()),
        }
        subject = render_to_string("workshops/email/registration_subject.txt", context)
        body = render_to_string("workshops/email/registration_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [registration.email])
