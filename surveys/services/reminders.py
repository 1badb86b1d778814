"""Automatic reminders to the focal points of states that have not submitted, a survey's
`reminder_days_before_close` days before it closes (idm.reminders runs this)."""

from datetime import timedelta
from functools import partial

from idm.reminders import send_once
from surveys.models import Survey
from surveys.services.notifications import send_reminders
from surveys.services.staff import focal_points_to_remind

KIND = "survey_closing"


def send_due_survey_reminders(now):
    """Remind, once each, the focal points of every open survey whose closing is near."""
    sent = 0
    surveys = Survey.objects.for_member_states().filter(
        status=Survey.Status.OPEN, closes_at__gt=now, reminder_days_before_close__gt=0
    )
    for survey in surveys:
        if now < survey.closes_at - timedelta(days=survey.reminder_days_before_close):
            continue
        if not survey.is_accepting_answers(now):
            continue
        for user, state, status in focal_points_to_remind(survey):
            sent += send_once(
                kind=KIND,
                key=f"survey:{survey.pk}:user:{user.pk}",
                send=partial(send_reminders, survey=survey, focal_points=[(user, state, status)]),
            )
    return sent
