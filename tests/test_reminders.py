"""`manage.py send_due_reminders`: each automatic reminder once, in its recipient's language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from idm.models import SentReminder
from tests.factories import UserFactory
from tests.surveys.factories import delegation, small_survey
from tests.workshops.factories import OpenEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def send_due_reminders(capture):
    """Run the command; its transactions commit, so the queued emails go out."""
    with capture(execute=True):
        call_command("send_due_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_send_due_reminders_twice_same_day_sends_each_once_in_recipients_language(
    django_capture_on_commit_callbacks,
):
    s = small_survey(closes_at=timezone.now() + timedelta(days=6))  # default: 7 days before
    d = delegation()
    d.focal_point.preferred_language = "es"
    d.focal_point.save()
    event = OpenEventFactory(
        title="Labour Mobility", start_date=timezone.localdate() + timedelta(days=2)
    )
    french = RegistrationFactory(event=event, email="fr@example.org", language="fr")
    account = UserFactory(email="en@example.org", preferred_language="en")
    RegistrationFactory(event=event, email=account.email, user=account, language="es")

    send_due_reminders(django_capture_on_commit_callbacks)
    send_due_reminders(django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 3 and len(by_recipient) == 3
    assert by_recipient["fp.ph@example.org"].subject.startswith("Recordatorio")
    assert f"/surveys/{s.survey.pk}/" in by_recipient["fp.ph@example.org"].body
    assert by_recipient[french.email].subject == "Rappel : Labour Mobility approche"
    assert by_recipient["en@example.org"].subject == "Reminder: Labour Mobility is coming up"
    assert SentReminder.objects.count() == 3


def test_send_due_reminders_not_yet_due_or_submitted_or_waitlisted_sends_nothing(
    django_capture_on_commit_callbacks,
):
    small_survey(closes_at=timezone.now() + timedelta(days=8))
    delegation()
    later = OpenEventFactory(start_date=timezone.localdate() + timedelta(days=3))
    RegistrationFactory(event=later)
    soon = OpenEventFactory(start_date=timezone.localdate() + timedelta(days=1))
    RegistrationFactory(event=soon, status="waitlisted")
    send_due_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not SentReminder.objects.exists()


def test_send_due_reminders_survey_without_automatic_reminder_sends_nothing(
    django_capture_on_commit_callbacks,
):
    small_survey(closes_at=timezone.now() + timedelta(days=1), reminder_days_before_close=0)
    delegation()
    send_due_reminders(django_capture_on_commit_callbacks)
    assert mail.outbox == []
