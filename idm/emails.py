"""The one way the portal sends an email: in the recipient's language, subject + text + HTML,
queued in the database and sent by a background task.

    send_email(
        to=user.email,
        language=user.preferred_language,
        subject_template="app/email/x_subject.txt",
        text_template="app/email/x.txt",
        context={...},
        attachments=[Attachment("event.ics", ics_bytes, "text/calendar")],  # optional
    )

Everything is rendered at once inside `translation.override(language)` (as pretix does with
`language(locale)`), so texts, dates and translated fields follow the recipient, not whoever
caused the email. A context whose values are translated when computed (display values,
formatted dates) can be given as a function: it is called inside the recipient's language.
Links in emails come from `idm.links.absolute_url`. Without an HTML template, the HTML
alternative is the text in the portal's email layout.

The rendered message is stored as an OutgoingEmail row and a `deliver_email` task is enqueued,
both in the caller's transaction: a change that is rolled back queues nothing, and a change that
is committed cannot lose its email, even if the process dies right after. The worker
(`manage.py db_worker`) sends it; a mail-server failure is retried with exponential back-off
(settings.IDM_EMAIL_MAX_ATTEMPTS, IDM_EMAIL_RETRY_DELAY), after which the email is `failed`
and staff can re-send it from the back office. The page that caused the email never waits for
the mail server. This module is the only place that builds and sends an EmailMultiAlternatives.
"""

import base64
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from idm.models import OutgoingEmail
from idm.task_framework import task

HTML_LAYOUT = "idm/email/layout.html"
PORTAL_NAME = "IDM Portal"  # the sender's name, translated like the pages' "IDM Portal"
# What a mail server that is down, refuses or misbehaves raises; anything else is a bug.
MAIL_SERVER_ERRORS = (smtplib.SMTPException, OSError)


@dataclass(frozen=True)
class Attachment:
    """A file sent with an email (e.g. an event's .ics); stored with the queued email."""

    filename: str
    content: bytes
    mimetype: str

    def stored(self):
        return {
            "filename": self.filename,
            "mimetype": self.mimetype,
            "content": base64.b64encode(self.content).decode("ascii"),
        }

    @classmethod
    def from_stored(cls, data):
        return cls(data["filename"], base64.b64decode(data["content"]), data["mimetype"])


def email_language(language):
    """`language` if the portal offers it (a region variant counts: "fr-ch" → "fr"), else
    the default language."""
    codes = {code for code, _name in settings.LANGUAGES}
    language = (language or "").lower()
    for candidate in (language, language.split("-")[0]):
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


def render_email(
    *,
    to,
    subject_template,
    text_template,
    context,
    language,
    html_template=None,
    attachments=(),
):
    """The OutgoingEmail (not saved) rendered in `language`, with its `attachments`
    (Attachment, or a function of no argument returning them, called in `language`)."""
    language = email_language(language)
    recipients = [to] if isinstance(to, str) else list(to)
    with translation.override(language):
        context = {**(context() if callable(context) else context), "language": language}
        subject = " ".join(render_to_string(subject_template, context).split())
        text = render_to_string(text_template, context)
        if html_template:
            html = render_to_string(html_template, context)
        else:
            html = render_to_string(HTML_LAYOUT, {"subject": subject, "text": text, **context})
        files = attachments() if callable(attachments) else attachments
    return OutgoingEmail(
        to=recipients,
        language=language,
        template=text_template,
        subject=subject,
        text=text,
        html=html,
        attachments=[attachment.stored() for attachment in files],
    )


def build_email(**kwargs):
    """The message, rendered in `language` (not sent); arguments as send_email."""
    return message_of(render_email(**kwargs))


def sender(language):
    """DEFAULT_FROM_EMAIL, with the portal's name in the email's language when that is the
    name it gives ("IDM Portal <idm@iom.int>" -> "Portail du DIM <idm@iom.int>")."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if name != PORTAL_NAME:
        return settings.DEFAULT_FROM_EMAIL
    with translation.override(email_language(language)):
        return formataddr((gettext(PORTAL_NAME), address))


def message_of(email):
    """The EmailMultiAlternatives of an OutgoingEmail."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=sender(email.language),
        to=email.to,
    )
    message.attach_alternative(email.html, "text/html")
    for stored in email.attachments or []:
        attachment = Attachment.from_stored(stored)
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


@transaction.atomic
def send_email(**kwargs):
    """Render (see render_email) and queue one email in the caller's transaction; returns the
    number of emails queued (1)."""
    email = render_email(**kwargs)
    email.save()
    enqueue_delivery(email)
    return 1


def enqueue_delivery(email, *, delay=None):
    """Enqueue the task that sends `email` (after `delay`, a timedelta, if given)."""
    if delay is None:
        deliver_email.enqueue(email.pk)
    else:
        deliver_email.using(run_after=timezone.now() + delay).enqueue(email.pk)


def retry_delay(attempts):
    """Exponential back-off: the base delay, then twice as long after each failed attempt."""
    return timedelta(seconds=settings.IDM_EMAIL_RETRY_DELAY * 2 ** (attempts - 1))


@task()
def deliver_email(email_id):
    """Send one queued email (the worker runs this). Returns its status afterwards."""
    return deliver(email_id=email_id)


@transaction.atomic
def deliver(*, email_id):
    """Send the OutgoingEmail `email_id` unless it already went out.

    The row stays locked while the mail server is talked to, so two runs of the task (a task
    queued twice, a worker presumed dead that was only slow) cannot both send it; a run that
    finds it sent does nothing. On a mail-server failure the attempt is counted and a retry is
    enqueued after the back-off, or the email is marked failed once its attempts are used up
    (or at once when the task backend cannot defer a task: development's immediate backend)."""
    email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
    if email is None or email.status != OutgoingEmail.Status.QUEUED:
        return email.status if email else None
    email.attempts += 1
    email.last_attempt_at = timezone.now()
    try:
        message_of(email).send()
    except MAIL_SERVER_ERRORS as error:
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        can_retry = deliver_email.get_backend().supports_defer
        if can_retry and email.attempts < settings.IDM_EMAIL_MAX_ATTEMPTS:
            enqueue_delivery(email, delay=retry_delay(email.attempts))
        else:
            email.status = OutgoingEmail.Status.FAILED
    else:
        email.status = OutgoingEmail.Status.SENT
        email.sent_at = email.last_attempt_at
    email.save()
    return email.status
