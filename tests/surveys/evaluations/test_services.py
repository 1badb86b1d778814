"""Event evaluations: attaching a survey to an event, inviting its participants once each,
and each participant's draft and submission."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from surveys import services
from surveys.evaluations import links
from surveys.evaluations import services as evaluations
from surveys.models import Answer, EvaluationInvitation, Question, Response, Survey
from tests.factories import DelegateFactory, MemberStateFactory, StaffFactory
from tests.surveys.evaluations.factories import evaluation, held_event, invite, participant
from tests.surveys.factories import QuestionFactory, SectionFactory, SurveyFactory, add_options
from tests.workshops.factories import EventFactory, OpenEventFactory

pytestmark = pytest.mark.django_db


def evaluation_template():
    template = SurveyFactory(
        kind=Survey.Kind.EVENT_EVALUATION,
        status=Survey.Status.DRAFT,
        title_en="Event evaluation",
        title_fr="Évaluation de l’événement",
        title_es="Evaluación del evento",
        intro_en="Thank you for taking part.",
        reminder_days_before_close=5,
    )
    section = SectionFactory(survey=template, position=1, title_en="Format", title_fr="Format")
    format_question = QuestionFactory(
        section=section, position=1, kind="single_choice", required=True, text_en="Format?"
    )
    add_options(format_question, "In person", "Online")
    why = QuestionFactory(section=section, position=2, kind="long_text", text_en="Why online?")
    why.condition_question = format_question
    why.save()
    why.condition_options.set([format_question.options.get(position=2)])
    return template


def test_create_event_evaluation_copies_template_for_the_event():
    template = evaluation_template()
    event = held_event(title="Labour Mobility")

    survey = evaluations.create_event_evaluation(event=event, actor=StaffFactory())

    assert (survey.kind, survey.audience, survey.event, survey.status) == (
        "event_evaluation",
        "participants",
        event,
        "open",
    )
    assert survey.title_en == "Event evaluation: Labour Mobility"
    assert survey.title_fr == "Évaluation de l’événement : Labour Mobility"
    assert survey.intro_en == "Thank you for taking part."
    assert survey.reminder_days_before_close == 5
    assert timezone.localtime(survey.opens_at).date() == event.start_date
    closes = timezone.localtime(survey.closes_at)
    assert closes.date() == event.end_date + datetime.timedelta(days=28)
    assert (closes.hour, closes.minute) == (23, 59)
    questions = list(Question.objects.filter(section__survey=survey))
    assert [q.text_en for q in questions] == ["Format?", "Why online?"]
    why = questions[1]
    assert why.condition_question == questions[0]
    assert [o.text_en for o in why.condition_options.all()] == ["Online"]
    assert template.sections.count() == 1  # the template itself is unchanged


@pytest.mark.parametrize(
    "situation",
    ["not_staff", "already_has_one", "no_template", "no_dates", "cancelled"],
)
def test_create_event_evaluation_refused(situation):
    if situation != "no_template":
        evaluation_template()
    event = held_event()
    actor = StaffFactory()
    if situation == "not_staff":
        actor = DelegateFactory()
    elif situation == "already_has_one":
        evaluation(event=event)
    elif situation == "no_dates":
        event = EventFactory(start_date=None, end_date=None)
    elif situation == "cancelled":
        event = held_event(status="cancelled")
    with pytest.raises(services.SurveyError):
        evaluations.create_event_evaluation(event=event, actor=actor)
    assert Survey.objects.filter(event=event).count() == (situation == "already_has_one")


def test_send_invitations_confirmed_and_attended_once_each_in_their_language(
    django_capture_on_commit_callbacks,
):
    e = evaluation()
    french = participant(e.event, language="fr", email="fr@example.org")
    spanish = participant(e.event, language="es", status="attended", email="es@example.org")
    for status in ("waitlisted", "cancelled", "pending", "declined"):
        participant(e.event, status=status)
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=True):
        sent = evaluations.send_invitations(survey=e.survey, actor=staff)
    with pytest.raises(evaluations.EvaluationRefused):
        evaluations.send_invitations(survey=e.survey, actor=staff)

    assert sent == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {french.email, spanish.email}
    assert by_recipient[french.email].subject == "Votre évaluation de « Labour Mobility »"
    assert by_recipient[spanish.email].subject == "Su evaluación de «Labour Mobility»"
    invitation = EvaluationInvitation.objects.get(registration=french)
    assert invitation.invited_by == staff
    assert f"/evaluations/{links.token_for(invitation)}/" in by_recipient[french.email].body
    assert EvaluationInvitation.objects.count() == 2


def test_send_invitations_before_the_event_or_by_a_delegate_refused():
    upcoming = evaluation(event=OpenEventFactory())
    participant(upcoming.event)
    with pytest.raises(evaluations.EvaluationRefused):
        evaluations.send_invitations(survey=upcoming.survey, actor=StaffFactory())
    held = evaluation()
    participant(held.event)
    with pytest.raises(services.NotAllowed):
        evaluations.send_invitations(survey=held.survey, actor=DelegateFactory())
    assert not EvaluationInvitation.objects.exists() and mail.outbox == []


def test_send_invitations_on_the_events_last_day_allowed(django_capture_on_commit_callbacks):
    today = timezone.localdate()
    e = evaluation(event=held_event(start_date=today - datetime.timedelta(days=1), end_date=today))
    participant(e.event)
    with django_capture_on_commit_callbacks(execute=True):
        assert evaluations.send_invitations(survey=e.survey, actor=StaffFactory()) == 1
    assert len(mail.outbox) == 1


def test_invite_participant_twice_invites_once(django_capture_on_commit_callbacks):
    e = evaluation()
    registration = participant(e.event)
    with django_capture_on_commit_callbacks(execute=True):
        first = evaluations.invite_participant(survey=e.survey, registration=registration)
        second = evaluations.invite_participant(survey=e.survey, registration=registration)
    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1 and EvaluationInvitation.objects.count() == 1


def test_save_evaluation_keeps_draft_then_submit_locks_it():
    e = evaluation()
    invitation, _token = invite(e.survey, participant(e.event))
    contacts = e.option(e.take_home, 1).pk

    response = evaluations.save_evaluation(
        invitation=invitation, values={e.take_home.pk: [contacts], e.comment.pk: "More time"}
    )
    assert (response.status, response.registration, response.member_state) == (
        "draft",
        invitation.registration,
        None,
    )
    with pytest.raises(services.MissingAnswers) as refused:
        evaluations.submit_evaluation(invitation=invitation)
    assert [q for q, _message in refused.value.missing] == [e.rating, e.detail]

    evaluations.save_evaluation(
        invitation=invitation, values={e.rating.pk: 4, e.detail.pk: "Ministry of Labour, Manila"}
    )
    submitted = evaluations.submit_evaluation(invitation=invitation)

    assert submitted.status == "submitted" and submitted.submitted_at is not None
    answers = {a.question_id: a for a in Answer.objects.filter(response=submitted)}
    assert answers[e.rating.pk].number == 4
    assert answers[e.comment.pk].text == "More time"
    assert answers[e.detail.pk].updated_by is None
    with pytest.raises(services.AlreadySubmitted):
        evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 1})
    assert Answer.objects.get(question=e.rating).number == 4


def test_save_evaluation_empties_questions_hidden_by_their_condition():
    e = evaluation()
    invitation, _token = invite(e.survey, participant(e.event))
    contacts, ideas = e.option(e.take_home, 1).pk, e.option(e.take_home, 2).pk
    evaluations.save_evaluation(
        invitation=invitation, values={e.take_home.pk: [contacts], e.detail.pk: "IOM Manila"}
    )
    evaluations.save_evaluation(invitation=invitation, values={e.take_home.pk: [ideas]})
    assert Answer.objects.get(question=e.detail).text == ""


def test_save_evaluation_invalid_answer_refused_with_field_error():
    e = evaluation()
    invitation, _token = invite(e.survey, participant(e.event))
    with pytest.raises(services.AnswersInvalid) as refused:
        evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 9})
    assert list(refused.value.errors) == [e.rating.pk]
    assert not Response.objects.exists()


@pytest.mark.parametrize("situation", ["closed", "cancelled_registration"])
def test_save_evaluation_after_link_expired_refused(situation):
    e = evaluation()
    registration = participant(e.event)
    invitation, _token = invite(e.survey, registration)
    if situation == "closed":
        e.survey.closes_at = timezone.now() - datetime.timedelta(minutes=1)
        e.survey.save()
    else:
        registration.status = "cancelled"
        registration.save()
    with pytest.raises(services.SurveyNotOpen):
        evaluations.save_evaluation(invitation=invitation, values={e.rating.pk: 3})
    assert not Response.objects.exists()


def test_response_one_per_participant_enforced_by_the_database():
    e = evaluation()
    registration = participant(e.event)
    Response.objects.create(survey=e.survey, registration=registration)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=e.survey, registration=registration)
    other = participant(e.event)
    Response.objects.create(survey=e.survey, registration=other)
    assert Response.objects.filter(survey=e.survey).count() == 2


def test_response_with_both_state_and_participant_refused_by_the_database():
    e = evaluation()
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            survey=e.survey, registration=participant(e.event), member_state=MemberStateFactory()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(survey=e.survey)


def test_survey_kind_decides_audience_and_event_needs_evaluation_kind():
    e = evaluation()
    assert e.survey.audience == "participants"
    e.survey.kind = Survey.Kind.EFFECTIVENESS
    with pytest.raises(IntegrityError), transaction.atomic():
        e.survey.save()  # an effectiveness survey cannot evaluate an event
    membership = SurveyFactory()
    assert membership.audience == "member_states"
    with pytest.raises(IntegrityError), transaction.atomic():
        SurveyFactory(kind=Survey.Kind.EVENT_EVALUATION, event=e.event)  # one per event


def test_member_state_answers_refused_on_an_evaluation_survey():
    e = evaluation()
    state = MemberStateFactory()
    delegate = DelegateFactory(member_state=state)
    with pytest.raises(services.SurveyNotOpen):
        services.save_answers(
            survey=e.survey,
            member_state=state,
            values={e.rating.pk: 3},
            expected_version=0,
            actor=delegate,
        )
    assert not Response.objects.exists()
