"""What the daily run of `send_due_reminders` does for event evaluations (idm.reminders runs
these): invite the participants of events that are over, and remind, once each, the invited
participants who have not submitted their evaluation `reminder_days_before_close` days before
it closes."""

from datetime import timedelta
from functools import partial

from idm.reminders import send_once
from surveys.evaluations.notifications import send_reminder
from surveys.evaluations.services import (
    EVALUATING_STATUSES,
    invitations_may_go_out,
    invite_participant,
    participants_to_invite,
)
from surveys.models import EvaluationInvitation, Response, Survey

REMINDER_KIND = "evaluation_reminder"
# A participant invited late (shortly before the evaluation closes) is not reminded at once.
MIN_DAYS_BEFORE_REMINDER = 3


def open_evaluations():
    return Survey.objects.filter(
        audience=Survey.Audience.PARTICIPANTS, event__isnull=False, status=Survey.Status.OPEN
    ).select_related("event")


def send_due_evaluation_invitations(now):
    """Invite the confirmed and attending participants of every event that is over and whose
    evaluation takes answers (each once: staff may have sent them already)."""
    sent = 0
    for survey in open_evaluations():
        if not invitations_may_go_out(survey, now=now, automatic=True):
            continue
        for registration in participants_to_invite(survey):
            sent += invite_participant(survey=survey, registration=registration)
    return sent


def invitations_to_remind(survey, now):
    submitted = Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED).values(
        "registration_id"
    )
    return (
        EvaluationInvitation.objects.filter(
            survey=survey,
            invited_at__lte=now - timedelta(days=MIN_DAYS_BEFORE_REMINDER),
            registration__status__in=EVALUATING_STATUSES,
        )
        .exclude(registration_id__in=submitted)
        .select_related("survey", "registration__event", "registration__user")
        .order_by("pk")
    )


def send_due_evaluation_reminders(now):
    """Remind, once each, the invited participants who have not submitted, once the
    evaluation closes within its `reminder_days_before_close` days."""
    sent = 0
    for survey in open_evaluations().filter(closes_at__gt=now, reminder_days_before_close__gt=0):
        if now < survey.closes_at - timedelta(days=survey.reminder_days_before_close):
            continue
        if not survey.is_accepting_answers(now):
            continue
        for invitation in invitations_to_remind(survey, now):
            sent += send_once(
                kind=REMINDER_KIND,
                key=f"invitation:{invitation.pk}",
                send=partial(send_reminder, invitation),
            )
    return sent
