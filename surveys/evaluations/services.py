"""State changes of event evaluations: staff attach an evaluation survey to an event (a copy
of a template), participants are invited once each after the event (automatically, or when
staff send the invitations now), and each participant drafts and submits their own response
through their personal link."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idm.page_cache import content_changed
from idm.permissions import is_staff
from surveys import values as answer_values
from surveys.evaluations import links
from surveys.evaluations.notifications import send_invitation
from surveys.models import EvaluationInvitation, Option, Question, Response, Section, Survey
from surveys.services.drafts import clean_values, write_answer
from surveys.services.errors import (
    AlreadySubmitted,
    MissingAnswers,
    NotAllowed,
    SurveyError,
    SurveyNotOpen,
)
from surveys.services.locks import locked
from surveys.services.submission import missing_answers
from surveys.structure import load_answers, load_questionnaire
from workshops.models import Event, Registration, TimePhase

# Who evaluates an event: its confirmed participants and those checked in at the door.
EVALUATING_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)
# An event's evaluation takes answers from the event's first day until this many days after
# its last day (staff can change both dates in the back office).
OPEN_DAYS_AFTER_EVENT = 28


class EvaluationRefused(SurveyError):
    not_evaluation = _("This survey is not the evaluation of an event.")
    already_exists = _("This event already has an evaluation survey.")
    no_template = _("There is no evaluation template to copy: create one in the back office.")
    no_dates = _("Give the event's dates first: the evaluation opens and closes after them.")
    cancelled = _("A cancelled event is not evaluated.")
    not_yet = _("Invitations go out once the event has started.")
    nobody = _("Every confirmed participant has already been invited.")


def evaluation_of(event):
    """The event's evaluation survey, or None."""
    return Survey.objects.filter(event=event).select_related("event").first()


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def copy_texts(source, prefixes):
    return {
        f"{prefix}_{code}": getattr(source, f"{prefix}_{code}")
        for prefix in prefixes
        for code in ("en", "fr", "es")
    }


QUESTION_FIELDS = [
    "position",
    "kind",
    "required",
    "min_choices",
    "max_choices",
    "top_k",
    "min_value",
    "max_value",
    "condition_yes",
]
QUESTION_TEXTS = ["text", "help", "low_label", "high_label"]


def evaluation_title(template, event, code):
    """ "Event evaluation: <event>" in the template's language `code` (French puts a space
    before the colon)."""
    title = getattr(template, f"title_{code}") or template.title_en
    colon = " :" if code == "fr" else ":"
    return f"{title}{colon} {event.title}"[:200]


def create_event_evaluation(*, event, actor, template=None):
    """Staff attach an evaluation survey to the event: a copy of `template` (by default the
    first evaluation template), open from the event's first day until OPEN_DAYS_AFTER_EVENT days
    after its last. Returns the new survey."""
    if not is_staff(actor):
        raise NotAllowed()
    return build_event_evaluation(event=event, template=template, actor=actor)


def evaluation_window(event):
    """(opens_at, closes_at) of an event's evaluation: from the start of its first day to the
    evening (23:59) OPEN_DAYS_AFTER_EVENT days after its last day."""
    last = event.last_day + datetime.timedelta(days=OPEN_DAYS_AFTER_EVENT)
    closes = timezone.make_aware(datetime.datetime.combine(last, datetime.time(23, 59)))
    return day_start(event.start_date), closes


@transaction.atomic
def build_event_evaluation(*, event, template=None, actor=None):
    """create_event_evaluation without the staff check (the demo seed calls it)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if Survey.objects.filter(event=event).exists():
        raise EvaluationRefused(EvaluationRefused.already_exists)
    if event.status == Event.Status.CANCELLED:
        raise EvaluationRefused(EvaluationRefused.cancelled)
    if event.start_date is None:
        raise EvaluationRefused(EvaluationRefused.no_dates)
    template = template or Survey.objects.evaluation_templates().order_by("pk").first()
    if template is None or template.kind != Survey.Kind.EVENT_EVALUATION or template.event_id:
        raise EvaluationRefused(EvaluationRefused.no_template)
    survey = Survey(
        **{f"title_{code}": evaluation_title(template, event, code) for code in ("en", "fr", "es")},
        **copy_texts(template, ["intro"]),
        kind=Survey.Kind.EVENT_EVALUATION,
        event=event,
        dialogue=event.dialogue,
        status=Survey.Status.OPEN,
        reminder_days_before_close=template.reminder_days_before_close,
        results_public=False,
    )
    survey.opens_at, survey.closes_at = evaluation_window(event)
    survey._history_user = actor
    survey.save()
    copy_questionnaire(template, survey)
    content_changed()  # a published survey (API, survey list)
    return survey


def copy_questionnaire(template, survey):
    """Sections, questions, options and display conditions of `template`, into `survey`."""
    questionnaire = load_questionnaire(template)
    new_questions, new_options = {}, {}
    for section in questionnaire.sections:
        copy = Section.objects.create(
            survey=survey, position=section.position, **copy_texts(section, ["title", "intro"])
        )
        for question in section.questions.all():
            new = Question.objects.create(
                section=copy,
                condition_question=new_questions.get(question.condition_question_id),
                **{name: getattr(question, name) for name in QUESTION_FIELDS},
                **copy_texts(question, QUESTION_TEXTS),
            )
            new_questions[question.pk] = new
            for option in question.options.all():
                new_options[option.pk] = Option.objects.create(
                    question=new, position=option.position, **copy_texts(option, ["text"])
                )
            conditions = [new_options[o.pk] for o in question.condition_options.all()]
            if conditions:
                new.condition_options.set(conditions)


# Invitations


def invitations_may_go_out(survey, *, now=None, automatic=False):
    """Whether invitations can go out now: the survey evaluates an event, takes answers, and
    the event is over (automatic invitations) or at least started (staff sending them now)."""
    if not (survey.is_evaluation and survey.event_id and survey.is_accepting_answers(now)):
        return False
    today = timezone.localdate(now)
    phase = survey.event.time_phase(today)
    if automatic:
        return phase == TimePhase.HELD
    return phase in (TimePhase.TAKING_PLACE, TimePhase.HELD)


def participants_to_invite(survey):
    """The event's confirmed and attending participants not invited yet."""
    invited = EvaluationInvitation.objects.filter(survey=survey).values("registration_id")
    return (
        Registration.objects.filter(event_id=survey.event_id, status__in=EVALUATING_STATUSES)
        .exclude(pk__in=invited)
        .select_related("event", "user")
        .order_by("pk")
    )


@transaction.atomic
def invite_participant(*, survey, registration, actor=None):
    """Invite one participant (their personal link by email, in their language), once: a
    second call, or one at the same moment, sends nothing. Returns True if invited now."""
    try:
        with transaction.atomic():
            invitation, created = EvaluationInvitation.objects.get_or_create(
                survey=survey,
                registration=registration,
                defaults={"key": links.new_key(), "invited_by": actor},
            )
    except IntegrityError:  # invited by a parallel run between its check and its insert
        return False
    if created:
        send_invitation(invitation)
    return created


def send_invitations(*, survey, actor):
    """Staff send the invitations now (instead of waiting for the automatic ones after the
    event): every confirmed or attending participant not invited yet. Returns how many."""
    if not is_staff(actor):
        raise NotAllowed()
    if not survey.is_evaluation or not survey.event_id:
        raise EvaluationRefused(EvaluationRefused.not_evaluation)
    phase = survey.event.time_phase()
    if phase == TimePhase.CANCELLED:
        raise EvaluationRefused(EvaluationRefused.cancelled)
    if phase == TimePhase.UPCOMING:
        raise EvaluationRefused(EvaluationRefused.not_yet)
    if not survey.is_accepting_answers():
        raise SurveyNotOpen()
    registrations = list(participants_to_invite(survey))
    if not registrations:
        raise EvaluationRefused(EvaluationRefused.nobody)
    return sum(
        invite_participant(survey=survey, registration=registration, actor=actor)
        for registration in registrations
    )


# A participant's own response


def link_is_valid(invitation, now=None):
    """A link works while its survey takes answers and the participant is still a confirmed or
    attending one; afterwards it has expired (the page answers 404)."""
    return (
        invitation.survey.is_accepting_answers(now)
        and invitation.registration.status in EVALUATING_STATUSES
    )


def participant_response(invitation, *, lock=False):
    query = Response.objects.filter(
        survey_id=invitation.survey_id, registration_id=invitation.registration_id
    ).order_by()  # the default order joins member states, which a row lock cannot
    return (locked(query) if lock else query).first()


def lock_or_create_response(invitation):
    response = participant_response(invitation, lock=True)
    if response is not None:
        return response
    try:
        with transaction.atomic():
            Response.objects.create(
                survey_id=invitation.survey_id,
                registration_id=invitation.registration_id,
                version=0,
            )
    except IntegrityError:  # the same link saved in another tab at the same moment
        pass
    return participant_response(invitation, lock=True)


@transaction.atomic
def save_evaluation(*, invitation, values, questionnaire=None):
    """Save the participant's answers {question id: value} as their draft (they may come back
    to the link later). Questions hidden by a display condition are emptied. Returns the
    response."""
    if not link_is_valid(invitation):
        raise SurveyNotOpen()
    questionnaire = questionnaire or load_questionnaire(invitation.survey)
    cleaned = clean_values(questionnaire, values)
    response = lock_or_create_response(invitation)
    if response.is_submitted:
        raise AlreadySubmitted()
    current, answers = load_answers(questionnaire, response)
    merged = {**current, **cleaned}
    shown = questionnaire.visible(merged)
    new_version = response.version + 1
    changed = False
    for question in questionnaire.questions:
        value = merged[question.pk] if question.pk in shown else answer_values.empty_value(question)
        if answer_values.same_value(question, value, current[question.pk]):
            continue
        write_answer(response, question, answers.get(question.pk), value, new_version, None)
        changed = True
    if changed:
        response.version = new_version
        response.save(update_fields=["version", "updated_at"])
    return response


@transaction.atomic
def submit_evaluation(*, invitation, questionnaire=None):
    """Submit the participant's saved draft: refused with MissingAnswers while a required
    answer is missing. Once submitted, the response no longer changes."""
    if not link_is_valid(invitation):
        raise SurveyNotOpen()
    questionnaire = questionnaire or load_questionnaire(invitation.survey)
    response = participant_response(invitation, lock=True)
    if response is not None and response.is_submitted:
        raise AlreadySubmitted()
    question_values, _answers = load_answers(questionnaire, response)
    missing = missing_answers(questionnaire, question_values)
    if missing or response is None:
        raise MissingAnswers(missing)
    response.status = Response.Status.SUBMITTED
    response.submitted_at = timezone.now()
    response.version += 1
    response.save(update_fields=["status", "submitted_at", "version", "updated_at"])
    content_changed()  # the results
    return response
