"""The daily run of send_due_reminders: participants of events that are over get their
evaluation link once, and one reminder while they have not answered."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from idm.models import SentReminder
from surveys.evaluations import services as evaluations
from surveys.models import EvaluationInvitation
from tests.surveys.evaluations.factories import evaluation, held_event, invite, participant
from tests.surveys.factories import delegation
from tests.workshops.factories import OpenEventFactory

pytestmark = pytest.mark.django_db


def send_due_reminders(capture):
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


def age(invitation, days):
    EvaluationInvitation.objects.filter(pk=invitation.pk).update(
        invited_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_send_due_reminders_invites_participants_of_held_events_once(
    django_capture_on_commit_callbacks,
):
    e = evaluation()
    spanish = participant(e.event, language="es", email="es@example.org")
    attended = participant(e.event, status="attended", email="attended@example.org")
    participant(e.event, status="waitlisted")
    upcoming = evaluation(event=OpenEventFactory())
    participant(upcoming.event)

    send_due_reminders(django_capture_on_commit_callbacks)
    send_due_reminders(django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == [attended.email, spanish.email]
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert by_recipient[spanish.email].subject == "Su evaluación de «Labour Mobility»"
    invitations = EvaluationInvitation.objects.filter(survey=e.survey)
    assert invitations.count() == 2 and invitations.filter(invited_by=None).count() == 2
    assert not EvaluationInvitation.objects.filter(survey=upcoming.survey).exists()


def test_send_due_reminders_event_marked_held_on_last_day_invites(
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    e = evaluation(event=held_event(start_date=yesterday, end_date=today, status="held"))
    participant(e.event)
    send_due_reminders(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1 and "/evaluations/" in mail.outbox[0].body


def test_send_due_reminders_event_still_taking_place_invites_nobody(
    django_capture_on_commit_callbacks,
):
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    e = evaluation(event=held_event(start_date=yesterday, end_date=today))
    participant(e.event)
    send_due_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not EvaluationInvitation.objects.exists()


def test_send_due_reminders_reminds_who_has_not_submitted_once(
    django_capture_on_commit_callbacks,
):
    e = evaluation(closes_at=timezone.now() + datetime.timedelta(days=6))  # reminder: 7 days
    waiting, _token = invite(e.survey, participant(e.event, language="fr", email="fr@x.org"))
    drafting, _token = invite(e.survey, participant(e.event, email="draft@x.org"))
    done, _token = invite(e.survey, participant(e.event, email="done@x.org"))
    recent, _token = invite(e.survey, participant(e.event, email="recent@x.org"))
    for invitation in (waiting, drafting, done):
        age(invitation, 10)
    evaluations.save_evaluation(invitation=drafting, values={e.comment.pk: "Later"})
    evaluations.save_evaluation(invitation=done, values={e.rating.pk: 5})
    evaluations.submit_evaluation(invitation=done)

    send_due_reminders(django_capture_on_commit_callbacks)
    send_due_reminders(django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == ["draft@x.org", "fr@x.org"] and len(mail.outbox) == 2
    assert by_recipient["fr@x.org"].subject == "Rappel : votre évaluation de « Labour Mobility »"
    assert "/evaluations/" in by_recipient["draft@x.org"].body
    assert SentReminder.objects.filter(kind="evaluation_reminder").count() == 2


def test_send_due_reminders_not_yet_due_sends_no_evaluation_reminder(
    django_capture_on_commit_callbacks,
):
    e = evaluation(closes_at=timezone.now() + datetime.timedelta(days=8))
    invitation, _token = invite(e.survey, participant(e.event))
    age(invitation, 10)
    send_due_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_send_due_reminders_focal_points_not_reminded_of_evaluations(
    django_capture_on_commit_callbacks,
):
    evaluation(closes_at=timezone.now() + datetime.timedelta(days=6))
    delegation()
    send_due_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not SentReminder.objects.exists()
