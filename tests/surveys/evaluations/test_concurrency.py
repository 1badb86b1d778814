"""Parallel runs invite each participant once: two daily runs overlapping, or staff pressing
"send now" while the daily run goes, never email a participant twice (the invitation's unique
constraint decides; real threads on PostgreSQL)."""

import threading
from contextlib import suppress

import pytest
from django.db import connection
from django.utils import timezone

from idm.models import OutgoingEmail
from surveys.evaluations import services as evaluations
from surveys.evaluations.reminders import send_due_evaluation_invitations
from surveys.models import EvaluationInvitation
from tests.factories import StaffFactory
from tests.surveys.evaluations.factories import evaluation, participant

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
PARALLEL = 4
PARTICIPANTS = 5


def in_threads(work, count):
    errors, start = [], threading.Barrier(count)

    def run(index):
        try:
            start.wait(timeout=20)
            work(index)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_invitations_sent_in_parallel_go_out_once_each():
    e = evaluation()
    for _ in range(PARTICIPANTS):
        participant(e.event)
    staff = StaffFactory()

    def work(index):
        if index % 2:
            send_due_evaluation_invitations(timezone.now())
        else:
            with suppress(evaluations.EvaluationRefused):  # another run invited everyone first
                evaluations.send_invitations(survey=e.survey, actor=staff)

    assert in_threads(work, PARALLEL) == []
    assert EvaluationInvitation.objects.count() == PARTICIPANTS
    recipients = [email.to[0] for email in OutgoingEmail.objects.all()]
    assert len(recipients) == len(set(recipients)) == PARTICIPANTS
