"""Submitting a state's official response, and reopening it."""

from django.db import transaction
from django.utils import timezone

from idm.page_cache import content_changed
from idm.permissions import is_focal_point_of, is_staff
from surveys import values as answer_values
from surveys.models import Response
from surveys.services.errors import (
    AlreadySubmitted,
    MissingAnswers,
    NotAllowed,
    ReopenRefused,
    StaleVersion,
    SurveyNotOpen,
)
from surveys.services.locks import locked
from surveys.services.notifications import send_receipt
from surveys.structure import load_questionnaire, load_stored_values


def missing_answers(questionnaire, question_values):
    """[(question, message)] for shown questions that are required but empty, or incomplete."""
    shown = questionnaire.visible(question_values)
    missing = []
    for question in questionnaire.questions:
        if question.pk not in shown:
            continue
        message = answer_values.incomplete_message(question, question_values[question.pk])
        if message:
            missing.append((question, message))
    return missing


@transaction.atomic
def submit_response(*, survey, member_state, actor, expected_version=None):
    """The focal point submits the state's response: it is checked, locked and a receipt goes to
    the state's delegates once (also when two submissions arrive at the same moment)."""
    if not is_focal_point_of(actor, member_state):
        raise NotAllowed()
    if not survey.is_accepting_answers():
        raise SurveyNotOpen()
    response = locked(Response.objects.filter(survey=survey, member_state=member_state)).first()
    questionnaire = load_questionnaire(survey)
    if response is not None and response.is_submitted:
        raise AlreadySubmitted()
    stale = expected_version is not None and response is not None
    if stale and response.version != expected_version:
        raise StaleVersion(response)
    question_values, _answers = load_stored_values(questionnaire, response)
    missing = missing_answers(questionnaire, question_values)
    if missing or response is None:
        raise MissingAnswers(missing)
    response.status = Response.Status.SUBMITTED
    response.submitted_at = timezone.now()
    response.submitted_by = actor
    response.version += 1
    response.updated_by = actor
    response._history_user = actor
    response.save()
    content_changed()  # the results
    send_receipt(response_id=response.pk)
    return response


@transaction.atomic
def reopen_response(*, response, actor, reason):
    """IOM staff reopen a submitted response so the state can correct it; the reason is kept
    on the response and in its history."""
    if not is_staff(actor):
        raise NotAllowed()
    reason = (reason or "").strip()
    if not reason:
        raise ReopenRefused(ReopenRefused.reason_missing)
    response = locked(Response.objects.filter(pk=response.pk)).get()
    if not response.is_submitted:
        raise ReopenRefused(ReopenRefused.not_submitted)
    response.status = Response.Status.DRAFT
    response.reopen_reason = reason
    response.version += 1
    response.updated_by = actor
    response._history_user = actor
    response._change_reason = reason
    response.save()
    content_changed()  # the results
    return response
