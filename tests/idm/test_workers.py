"""Acceptance with real `manage.py db_worker` processes on PostgreSQL: emails wait while the mail
server is down and go out exactly once when it is back; a worker killed in the middle of a task
loses nothing."""

import signal
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection  # noqa: F401  (the skipif condition)
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from idm.emails import deliver_email, send_email
from idm.models import OutgoingEmail, WorkerHeartbeat
from surveys import services as survey_services
from tests.factories import MemberStateFactory
from tests.surveys.factories import complete_values, delegation, small_survey
from tests.workers import SmtpServer, run_worker_batch, start_worker
from tests.workshops.factories import OpenEventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="a worker process needs a shared database"
    ),
]

# Nothing listens on these ports until the test starts its SMTP server there.
SMTP_DOWN_PORT = 8251
SMTP_HANGING_PORT = 8252


@pytest.fixture(autouse=True)
def _database_task_backend(settings):
    """Tasks wait in the database for the worker processes (none runs in this process)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def assert_port_closed(port):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def register_invite_submit(client, staff_client):
    """A registration, an invitation and a survey submission, each through its page."""
    event = OpenEventFactory(capacity=10)
    response = client.post(
        reverse("workshops:register", args=[event.slug]),
        {
            "name": "Amina Diallo",
            "email": "amina@example.org",
            "organisation": "ILO",
            "category": "ngo",
        },
        follow=True,
    )
    assert response.status_code == 200 and "Your seat is confirmed." in response.content.decode()

    MemberStateFactory(code="GH", iso3="GHA")
    response = staff_client.post(
        reverse("delegation_detail", args=["GH"]),
        {"email": "new.delegate@example.org", "role": "contributor"},
        follow=True,
    )
    assert "Invitation sent to new.delegate@example.org" in response.content.decode()

    s, d = small_survey(), delegation()
    survey_services.save_answers(
        survey=s.survey,
        member_state=d.state,
        values=complete_values(s),
        expected_version=0,
        actor=d.contributor,
    )
    client.force_login(d.focal_point)
    response = client.post(
        reverse("surveys:submit", args=[s.survey.pk, "PH"]),
        {"version": 1, "confirm": "on"},
        follow=True,
    )
    assert "Submitted. A receipt" in response.content.decode()


def test_emails_wait_while_mail_server_down_then_worker_delivers_each_once(client, staff_client):
    assert_port_closed(SMTP_DOWN_PORT)
    register_invite_submit(client, staff_client)
    assert mail.outbox == []
    assert OutgoingEmail.objects.filter(status="queued").count() == 3
    assert DBTaskResult.objects.ready().count() == 3

    # The worker tries while the server is down: each email keeps its error and waits.
    run_worker_batch(SMTP_DOWN_PORT)
    emails = list(OutgoingEmail.objects.order_by("pk"))
    assert [(e.status, e.attempts) for e in emails] == [("queued", 1)] * 3
    assert all("Connection refused" in e.last_error for e in emails)
    retries = DBTaskResult.objects.filter(status="READY")
    assert retries.count() == 3 and all(r.run_after > timezone.now() for r in retries)

    with SmtpServer(SMTP_DOWN_PORT) as inbox:
        retries.update(run_after=timezone.now())  # the back-off has passed
        run_worker_batch(SMTP_DOWN_PORT)
        run_worker_batch(SMTP_DOWN_PORT)  # nothing left: nothing sent twice
        # A stray second task for a sent email sends nothing either.

        deliver_email.enqueue(emails[0].pk)
        run_worker_batch(SMTP_DOWN_PORT)
    recipients = sorted(tuple(sorted(m.rcpt_tos)) for m in inbox.messages)
    assert recipients == [
        ("amina@example.org",),
        ("contributor.ph@example.org", "fp.ph@example.org", "viewer.ph@example.org"),
        ("new.delegate@example.org",),
    ]
    assert [(e.status, e.attempts) for e in OutgoingEmail.objects.all()] == [("sent", 2)] * 3


def test_worker_killed_during_task_loses_nothing_next_worker_sends_once(tmp_path):
    """The worker is killed (SIGKILL) while the mail server has accepted its connection and
    not answered: the task stays claimed by a dead worker. Once that worker's heartbeat is
    older than IDM_WORKER_HEARTBEAT_MAX_AGE, the next worker queues it again and sends it."""
    send_email(
        to="d@example.org",
        language="fr",
        subject_template="registration/password_reset_subject.txt",
        text_template="registration/password_reset_email.txt",
        context={"email": "d@example.org", "reset_url": "http://x/"},
    )
    with socket.create_server(("127.0.0.1", SMTP_HANGING_PORT)) as hanging:
        hanging.settimeout(60)
        worker = start_worker(SMTP_HANGING_PORT, tmp_path / "worker.log")
        try:
            connection_, _address = hanging.accept()  # the worker is inside the task now
            task = DBTaskResult.objects.get()
            assert task.status == "RUNNING"
            dead_worker = task.worker_ids[-1]
            assert WorkerHeartbeat.objects.filter(worker_id=dead_worker).exists()
        finally:
            worker.send_signal(signal.SIGKILL)
            worker.wait(timeout=30)
        connection_.close()

    with SmtpServer(SMTP_HANGING_PORT) as inbox:
        # The dead worker's heartbeat is still fresh: its task is not taken from it yet.
        run_worker_batch(SMTP_HANGING_PORT)
        assert DBTaskResult.objects.get().status == "RUNNING" and inbox.messages == []

        WorkerHeartbeat.objects.filter(worker_id=dead_worker).update(
            beat_at=timezone.now() - timedelta(minutes=6)  # IDM_WORKER_HEARTBEAT_MAX_AGE is 5
        )
        run_worker_batch(SMTP_HANGING_PORT)
        run_worker_batch(SMTP_HANGING_PORT)
    assert [m.rcpt_tos for m in inbox.messages] == [["d@example.org"]]
    assert b"mot de passe" in inbox.messages[0].content
    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL" and task.worker_ids[0] == dead_worker
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == ("sent", 1)
