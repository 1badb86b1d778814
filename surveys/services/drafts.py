"""Saving the shared draft of a member state's response."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from idm.models import MemberState
from idm.permissions import can_contribute_for
from surveys import values as answer_values
from surveys.models import Answer, AnswerChoice, Response
from surveys.questions import question_type
from surveys.questions.base import answer_choices
from surveys.services.errors import (
    AnswersInvalid,
    NotAllowed,
    ResponseLocked,
    StaleVersion,
    SurveyNotOpen,
)
from surveys.services.locks import locked
from surveys.structure import load_questionnaire, load_stored_values


def check_can_answer(*, survey, member_state, actor):
    if not can_contribute_for(actor, member_state):
        raise NotAllowed()
    if member_state.membership != MemberState.Membership.MEMBER:
        raise NotAllowed()
    if survey.audience != survey.Audience.MEMBER_STATES or not survey.is_accepting_answers():
        raise SurveyNotOpen()


def clean_values(questionnaire, raw_values, *, coerce=False):
    """Validate {question id: value}; returns the cleaned values or raises AnswersInvalid."""
    cleaned, errors = {}, {}
    for question_id, raw in raw_values.items():
        question = questionnaire.by_id.get(question_id)
        if question is None:
            errors[question_id] = [str(AnswersInvalid.unknown_question)]
            continue
        try:
            value = answer_values.coerce(question, raw) if coerce else raw
            cleaned[question_id] = answer_values.validate(question, value)
        except ValidationError as error:
            errors[question_id] = error.messages
    if errors:
        raise AnswersInvalid(errors)
    return cleaned


def lock_or_create_response(*, survey, member_state, actor):
    """The state's response, locked; created (version 0, no answers yet) on the first save."""
    # One row at most (unique per survey and state): by key, not by the default ordering,
    # whose joins (survey, state) would be read and sorted on every save.
    query = Response.objects.filter(survey=survey, member_state=member_state).order_by("pk")
    response = locked(query).first()
    if response is not None:
        return response, False
    try:
        with transaction.atomic():
            response = Response(survey=survey, member_state=member_state, version=0)
            response.updated_by = actor
            response._history_user = actor
            response.save()
        return locked(query).get(), True
    except IntegrityError:  # a colleague created it at the same moment: use theirs
        return locked(query).get(), False


@transaction.atomic
def save_answers(
    *,
    survey,
    member_state,
    values,
    expected_version,
    actor,
    coerce=False,
    whole_response=False,
    questionnaire=None,
):
    """Save answers {question id: value} into the state's shared draft.

    `expected_version` is the response version the editor loaded (0 when there was no draft).
    If someone saved since, the save is refused with StaleVersion when any answer of the sections
    being saved changed after that version (or, with `whole_response`, on any change: the API's
    If-Match). Questions hidden by a display condition are emptied. Returns the response.
    """
    check_can_answer(survey=survey, member_state=member_state, actor=actor)
    questionnaire = questionnaire or load_questionnaire(survey)
    cleaned = clean_values(questionnaire, values, coerce=coerce)

    response, _created = lock_or_create_response(
        survey=survey, member_state=member_state, actor=actor
    )
    if response.is_submitted:
        raise ResponseLocked()
    current, answers = load_stored_values(questionnaire, response)
    if response.version != expected_version:
        check_conflict(
            questionnaire, response, answers, cleaned, expected_version, whole_response, actor
        )

    merged = {**current, **cleaned}
    shown = questionnaire.visible(merged)
    for question in questionnaire.questions:
        if question.pk not in shown and question.pk in merged:
            merged[question.pk] = answer_values.empty_value(question)

    new_version = response.version + 1
    changed = 0
    for question in questionnaire.questions:
        value = merged[question.pk]
        if answer_values.same_value(question, value, current[question.pk]):
            continue
        stored = answers.get(question.pk)
        answer = Answer.objects.get(pk=stored.pk) if stored is not None else None
        write_answer(response, question, answer, value, new_version, actor)
        changed += 1
    if changed:
        response.version = new_version
        response.updated_by = actor
        response._history_user = actor
        response.save(update_fields=["version", "updated_by", "updated_at"])
    return response


def check_conflict(
    questionnaire, response, answers, cleaned, expected_version, whole_response, actor
):
    """Refuse the save if a colleague changed an answer of the sections being saved after the
    version the editor loaded (the editor's own background saves do not count). The refusal
    names the questions the colleague changed (the conflict page highlights them)."""
    if whole_response:
        raise StaleVersion(response)
    sections = {questionnaire.by_id[question_id].section_id for question_id in cleaned}
    changed = {
        answer.question_id
        for answer in answers.values()
        if answer.changed_in_version > expected_version
        and answer.updated_by_id != actor.pk
        and questionnaire.by_id[answer.question_id].section_id in sections
    }
    if changed:
        raise StaleVersion(response, changed)


def write_answer(response, question, answer, value, version, actor):
    """Write `value` into the question's Answer (created if None), as its type stores it."""
    if answer is None:
        answer = Answer(response=response, question=question)
    answer.text, answer.number, answer.boolean = "", None, None
    question_type(question).store(answer, question, value)
    answer.changed_in_version = version
    answer.updated_by = actor
    answer.updated_at = timezone.now()
    answer._history_user = actor
    answer.save()
    write_choices(answer, question, value, actor)


def write_choices(answer, question, value, actor):
    """Make the Answer's AnswerChoice rows those of `value` (for the types answered with
    options); rows that stay the same are kept, so history shows only real changes."""
    wanted = question_type(question).chosen_options(question, value)
    if wanted is None:
        return
    existing = {choice.option_id: choice for choice in answer_choices(answer)}
    for option_id, choice in existing.items():
        if option_id not in wanted or wanted[option_id] != choice.rank:
            choice._history_user = actor
            choice.delete()
    for option_id, rank in wanted.items():
        if option_id in existing and existing[option_id].rank == rank:
            continue
        choice = AnswerChoice(answer=answer, option_id=option_id, rank=rank)
        choice._history_user = actor
        choice.save()
