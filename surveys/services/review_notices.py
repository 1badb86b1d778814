"""A contributor tells the state's focal point that the shared draft is ready for review.

Each notice is recorded (ReviewNotice: who, when, which version, to whom) and emailed to the
state's active focal points in their language. At most one notice per response every
NOTICE_INTERVAL, whoever sends it: the focal point is told once, not once per contributor or
per click (two clicks at the same moment are serialised by the response's row lock)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from idm.emails import send_email
from idm.links import absolute_url
from idm.models import User
from surveys.access import is_contributor_of_state, state_is_member
from surveys.models import Response, ReviewNotice
from surveys.progress import response_progress
from surveys.services.errors import NotAllowed, ResponseLocked, SurveyError, SurveyNotOpen
from surveys.services.locks import locked
from surveys.structure import load_answers, load_questionnaire

NOTICE_INTERVAL = timedelta(hours=1)
NOTE_MAX_LENGTH = 1000


class NoticeRefused(SurveyError):
    no_draft = _("There is no draft to review yet: answer some questions first.")
    no_focal_point = _(
        "Your state has no focal point on the portal yet: ask IOM staff to invite one."
    )
    note_too_long = _("Keep the note under 1000 characters.")


class NoticeTooSoon(NoticeRefused):
    """The focal point was told less than NOTICE_INTERVAL ago."""

    def __init__(self, last, next_at):
        self.last = last
        self.next_at = next_at
        super().__init__(
            _(
                "%(who)s told the focal point on %(when)s that the draft is ready. Another notice "
                "can be sent after %(next)s (one an hour)."
            )
            % {
                "who": last.sent_by or _("A colleague"),
                "when": date_format(timezone.localtime(last.sent_at), "DATETIME_FORMAT"),
                "next": date_format(timezone.localtime(next_at), "TIME_FORMAT"),
            }
        )


class Target:
    """The state's response as the permission rules see it."""

    def __init__(self, survey, state, response):
        self.survey, self.state, self.response = survey, state, response


def focal_points_of(state):
    return list(
        User.objects.filter(
            member_state=state, delegation_role=User.DelegationRole.FOCAL_POINT, is_active=True
        ).order_by("email")
    )


def last_notice(response):
    if response is None:
        return None
    return response.review_notices.select_related("sent_by").first()


@transaction.atomic
def notify_focal_point(*, survey, member_state, actor, note="", now=None):
    """Record a review notice for the state's draft and email it to the focal point(s).
    Returns the ReviewNotice; raises NotAllowed, SurveyNotOpen, ResponseLocked, NoticeRefused
    or NoticeTooSoon."""
    now = now or timezone.now()
    note = (note or "").strip()
    response = locked(Response.objects.filter(survey=survey, member_state=member_state)).first()
    target = Target(survey, member_state, response)
    if not (is_contributor_of_state(actor, target) and state_is_member(actor, target)):
        raise NotAllowed()
    if not survey.is_accepting_answers(now):
        raise SurveyNotOpen()
    if response is None:
        raise NoticeRefused(NoticeRefused.no_draft)
    if response.is_submitted:
        raise ResponseLocked()
    if len(note) > NOTE_MAX_LENGTH:
        raise NoticeRefused(NoticeRefused.note_too_long)
    last = last_notice(response)
    if last is not None and now < last.sent_at + NOTICE_INTERVAL:
        raise NoticeTooSoon(last, last.sent_at + NOTICE_INTERVAL)
    focal_points = focal_points_of(member_state)
    if not focal_points:
        raise NoticeRefused(NoticeRefused.no_focal_point)

    notice = ReviewNotice.objects.create(
        response=response,
        version=response.version,
        sent_by=actor,
        sent_at=now,
        recipients=[user.email for user in focal_points],
        note=note,
    )
    questionnaire = load_questionnaire(survey)
    question_values, _answers = load_answers(questionnaire, response)
    progress = response_progress(questionnaire, question_values)
    review_url = absolute_url("surveys:review", kwargs={"pk": survey.pk, "code": member_state.code})
    for focal_point in focal_points:
        send_email(
            to=focal_point.email,
            language=focal_point.preferred_language,
            subject_template="surveys/email/review_ready_subject.txt",
            text_template="surveys/email/review_ready.txt",
            context={
                "survey": survey,
                "state": member_state,
                "sender": actor,
                "notice": notice,
                "progress": progress.overall,
                "missing_count": len(progress.overall.missing),
                "review_url": review_url,
            },
        )
    return notice
