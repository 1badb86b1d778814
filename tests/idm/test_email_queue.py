"""The email queue (idm.emails): enqueued in the caller's transaction, retried with back-off,
failed emails visible and re-sent by staff."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from idm.emails import Attachment, deliver, send_email
from idm.models import OutgoingEmail
from idm.services import invite_delegate
from tests.factories import MemberStateFactory

pytestmark = pytest.mark.django_db

PASSWORD_RESET = {
    "subject_template": "registration/password_reset_subject.txt",
    "text_template": "registration/password_reset_email.txt",
    "context": {"email": "d@example.org", "reset_url": "http://x/"},
}


class Boom(Exception):
    pass


def queue(**overrides):
    send_email(**{"to": "d@example.org", "language": "en", **PASSWORD_RESET, **overrides})
    return OutgoingEmail.objects.latest("pk")


def test_rolled_back_invitation_enqueues_and_sends_nothing(staff_user):
    state = MemberStateFactory(code="PH")
    with pytest.raises(Boom), transaction.atomic():
        invite_delegate(
            email="x@example.org", member_state=state, role="viewer", invited_by=staff_user
        )
        raise Boom
    assert not OutgoingEmail.objects.exists() and not DBTaskResult.objects.exists()
    assert mail.outbox == []


def test_mail_server_down_retries_with_growing_delay_then_failed(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 8253  # nothing listens there
    settings.IDM_EMAIL_MAX_ATTEMPTS, settings.IDM_EMAIL_RETRY_DELAY = 3, 60
    email = queue()
    delays = []
    for _attempt in range(3):
        before = timezone.now()
        assert deliver(email_id=email.pk) in {"queued", "failed"}
        retry = DBTaskResult.objects.filter(run_after__gt=before).order_by("-enqueued_at").first()
        if retry is not None and retry.pk not in {d[0] for d in delays}:
            delays.append((retry.pk, retry.run_after - before))
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 3)
    assert "ConnectionRefusedError" in email.last_error
    assert [round(delay.total_seconds() / 60) for _pk, delay in delays] == [1, 2]


def test_sent_email_is_not_sent_again():
    email = queue()
    assert deliver(email_id=email.pk) == "sent"
    assert deliver(email_id=email.pk) == "sent"
    assert len(mail.outbox) == 1


def test_failed_email_listed_with_error_and_resent_from_admin(
    staff_client, django_capture_on_commit_callbacks
):
    email = queue(language="fr")
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status="failed", attempts=6, last_error="ConnectionRefusedError: [Errno 111]"
    )
    page = staff_client.get(reverse("admin:idm_outgoingemail_changelist") + "?status=failed")
    assert "Portail du DIM" in page.content.decode()
    detail = staff_client.get(reverse("admin:idm_outgoingemail_change", args=[email.pk]))
    assert "ConnectionRefusedError: [Errno 111]" in detail.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:idm_outgoingemail_changelist"),
            {"action": "resend", "_selected_action": [email.pk]},
            follow=True,
        )
    assert "1 email queued again." in response.content.decode()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.resent_by) == (
        "sent",
        1,
        response.wsgi_request.user,
    )
    assert mail.outbox[-1].subject.startswith("Portail du DIM")


def test_resend_refused_for_email_not_failed(staff_client):
    email = queue()
    response = staff_client.post(
        reverse("admin:idm_outgoingemail_changelist"),
        {"action": "resend", "_selected_action": [email.pk]},
        follow=True,
    )
    assert "Only an email that failed can be re-sent." in response.content.decode()


def test_worker_heartbeat_age_of_latest_worker():
    from idm.health import worker_heartbeat_age, worker_heartbeat_is_fresh
    from idm.models import WorkerHeartbeat

    assert worker_heartbeat_age() is None and not worker_heartbeat_is_fresh()
    WorkerHeartbeat.objects.create(worker_id="old", beat_at=timezone.now() - timedelta(hours=1))
    assert not worker_heartbeat_is_fresh()
    WorkerHeartbeat.objects.create(worker_id="new", beat_at=timezone.now() - timedelta(minutes=1))
    assert timedelta(seconds=59) < worker_heartbeat_age() < timedelta(minutes=2)
    assert worker_heartbeat_is_fresh()


def test_attachment_is_stored_with_the_queued_email_and_sent(django_capture_on_commit_callbacks):
    ics = Attachment("event.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar")
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(attachments=[ics])
    email.refresh_from_db()
    stored = {"filename": "event.ics", "mimetype": "text/calendar"}
    assert email.attachments == [{**stored, "content": "QkVHSU46VkNBTEVOREFSDQo="}]
    (sent,) = mail.outbox
    assert sent.attachments == [("event.ics", "BEGIN:VCALENDAR\r\n", "text/calendar")]
