"""Membership surveys answered by every state, and one large participant evaluation."""

import datetime
from decimal import Decimal

from django.utils import timezone

from bench.loaddata import programme
from bench.loaddata.common import PREFIX, Volumes, raw_delete
from surveys.models import Answer, AnswerChoice, Option, Question, Response, Section, Survey
from surveys.models.evaluations import EvaluationInvitation
from workshops.models import Event, Registration

KINDS = [
    Question.Kind.SINGLE_CHOICE,
    Question.Kind.MULTIPLE_CHOICE,
    Question.Kind.LIKERT,
    Question.Kind.RANKING,
    Question.Kind.YES_NO,
    Question.Kind.NUMBER,
    Question.Kind.SHORT_TEXT,
    Question.Kind.LONG_TEXT,
]
OPTIONS = 5


def build_survey(dialogue, *, kind, title, questions, sections=4, is_open=False):
    opens_at = timezone.make_aware(datetime.datetime(dialogue.year, 1, 10))
    survey = Survey.objects.create(
        dialogue=dialogue,
        kind=kind,
        title_en=f"{PREFIX}{title}",
        status=Survey.Status.OPEN if is_open else Survey.Status.CLOSED,
        opens_at=opens_at,
        closes_at=timezone.now() + datetime.timedelta(days=60)
        if is_open
        else opens_at + datetime.timedelta(days=80),
        results_public=True,
    )
    section_rows = Section.objects.bulk_create(
        [Section(survey=survey, position=n + 1, title_en=f"Part {n + 1}") for n in range(sections)]
    )
    question_rows = Question.objects.bulk_create(
        [
            Question(
                section=section_rows[n % sections],
                position=n + 1,
                kind=KINDS[n % len(KINDS)],
                required=n % 2 == 0,
                text_en=f"Question {n + 1}: how effective was the dialogue on this point?",
                max_choices=3 if KINDS[n % len(KINDS)] == Question.Kind.MULTIPLE_CHOICE else None,
                top_k=3 if KINDS[n % len(KINDS)] == Question.Kind.RANKING else None,
                min_value=Decimal(0) if KINDS[n % len(KINDS)] == Question.Kind.NUMBER else None,
                max_value=Decimal(1000) if KINDS[n % len(KINDS)] == Question.Kind.NUMBER else None,
            )
            for n in range(questions)
        ]
    )
    Option.objects.bulk_create(
        [
            Option(question=question, position=p + 1, text_en=f"Option {p + 1}")
            for question in question_rows
            if question.kind in Question.CHOICE_KINDS
            for p in range(OPTIONS)
        ]
    )
    return survey


def answer_all(survey, responses, rng):
    """One answer to every question for every response (bulk), with their choices."""
    questions = list(
        Question.objects.filter(section__survey=survey).prefetch_related("options").order_by("pk")
    )
    answers = []
    for response in responses:
        for question in questions:
            answers.append(answer_for(response, question, rng))
    Answer.objects.bulk_create(answers, batch_size=5000)
    choices = []
    for answer in answers:
        question = answer.question
        if question.kind not in Question.CHOICE_KINDS:
            continue
        options = list(question.options.all())
        if question.kind == Question.Kind.SINGLE_CHOICE:
            choices.append(AnswerChoice(answer=answer, option=rng.choice(options)))
        elif question.kind == Question.Kind.MULTIPLE_CHOICE:
            for option in rng.sample(options, 2):
                choices.append(AnswerChoice(answer=answer, option=option))
        else:
            for rank, option in enumerate(rng.sample(options, 3), start=1):
                choices.append(AnswerChoice(answer=answer, option=option, rank=rank))
    AnswerChoice.objects.bulk_create(choices, batch_size=5000)
    return len(answers)


def answer_for(response, question, rng):
    answer = Answer(response=response, question=question)
    if question.kind == Question.Kind.LIKERT:
        answer.number = Decimal(rng.randint(1, 5))
    elif question.kind == Question.Kind.NUMBER:
        answer.number = Decimal(rng.randint(0, 1000))
    elif question.kind == Question.Kind.YES_NO:
        answer.boolean = rng.random() < 0.6
    elif question.kind in Question.TEXT_KINDS:
        answer.text = f"Our ministry found point {question.position} useful."
    return answer


def membership_surveys(volumes: Volumes, dialogue, states, rng):
    """Closed surveys answered and submitted by every state; the last one is still open, every
    state's answers a draft (what a delegate saving a section works on)."""
    submitted_at = timezone.make_aware(datetime.datetime(dialogue.year, 3, 1))
    for n in range(volumes.membership_surveys):
        is_open = n == volumes.membership_surveys - 1
        survey = build_survey(
            dialogue,
            kind=Survey.Kind.EFFECTIVENESS,
            title=f"effectiveness survey {n + 1}",
            questions=volumes.survey_questions,
            is_open=is_open,
        )
        responses = Response.objects.bulk_create(
            [
                Response(
                    survey=survey,
                    member_state=state,
                    status=Response.Status.DRAFT if is_open else Response.Status.SUBMITTED,
                    submitted_at=None if is_open else submitted_at,
                )
                for state in states
            ]
        )
        answer_all(survey, responses, rng)


def theme_selection(volumes: Volumes, dialogue, states, rng):
    """The theme-selection survey: every state ranks twelve candidate themes (Borda count)."""
    survey = Survey.objects.create(
        dialogue=dialogue,
        kind=Survey.Kind.THEME_SELECTION,
        title_en=f"{PREFIX}theme selection",
        status=Survey.Status.CLOSED,
        opens_at=timezone.make_aware(datetime.datetime(dialogue.year, 9, 1)),
        closes_at=timezone.make_aware(datetime.datetime(dialogue.year, 10, 31)),
        results_public=True,
    )
    section = Section.objects.create(survey=survey, position=1, title_en="Themes")
    question = Question.objects.create(
        section=section,
        position=1,
        kind=Question.Kind.RANKING,
        required=True,
        top_k=5,
        text_en="Rank the five themes the next dialogue should take up.",
    )
    options = Option.objects.bulk_create(
        [Option(question=question, position=n + 1, text_en=f"Theme {n + 1}") for n in range(12)]
    )
    submitted_at = timezone.make_aware(datetime.datetime(dialogue.year, 10, 1))
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                member_state=state,
                status=Response.Status.SUBMITTED,
                submitted_at=submitted_at,
            )
            for state in states
        ]
    )
    answers = Answer.objects.bulk_create(
        [Answer(response=response, question=question) for response in responses]
    )
    AnswerChoice.objects.bulk_create(
        [
            AnswerChoice(answer=answer, option=option, rank=rank)
            for answer in answers
            for rank, option in enumerate(rng.sample(options, 5), start=1)
        ]
    )
    return survey


EVALUATION_KINDS = [
    Question.Kind.LIKERT,
    Question.Kind.LIKERT,
    Question.Kind.LIKERT,
    Question.Kind.SINGLE_CHOICE,
    Question.Kind.YES_NO,
    Question.Kind.LONG_TEXT,
]


def evaluation(volumes: Volumes, event, states, rng):
    """A large event (a Council-session panel) whose participants all answered its evaluation:
    `evaluation_participants` × `evaluation_questions` answers (100,000 at scale 1)."""
    Event.objects.filter(pk=event.pk).update(capacity=None, kind=Event.Kind.COUNCIL_PANEL)
    programme.registrations(
        volumes, [event], states, rng, per_event=volumes.evaluation_participants, offset=10**6
    )
    survey = Survey.objects.create(
        dialogue=event.dialogue,
        event=event,
        kind=Survey.Kind.EVENT_EVALUATION,
        title_en=f"{PREFIX}evaluation of {event.title}",
        status=Survey.Status.CLOSED,
        opens_at=timezone.make_aware(datetime.datetime.combine(event.start_date, datetime.time())),
        closes_at=timezone.make_aware(
            datetime.datetime.combine(event.end_date + datetime.timedelta(days=28), datetime.time())
        ),
    )
    sections = Section.objects.bulk_create(
        [Section(survey=survey, position=n + 1, title_en=f"Part {n + 1}") for n in range(2)]
    )
    questions = Question.objects.bulk_create(
        [
            Question(
                section=sections[n % 2],
                position=n + 1,
                kind=EVALUATION_KINDS[n % len(EVALUATION_KINDS)],
                required=n % 3 == 0,
                text_en=f"Evaluation question {n + 1}: how useful was this part of the event?",
            )
            for n in range(volumes.evaluation_questions)
        ]
    )
    Option.objects.bulk_create(
        [
            Option(question=question, position=p + 1, text_en=f"Option {p + 1}")
            for question in questions
            if question.kind == Question.Kind.SINGLE_CHOICE
            for p in range(OPTIONS)
        ]
    )
    participants = list(
        event.registrations.filter(status=Registration.Status.ATTENDED).values_list("pk", flat=True)
    )
    submitted_at = timezone.make_aware(
        datetime.datetime.combine(event.end_date + datetime.timedelta(days=3), datetime.time())
    )
    EvaluationInvitation.objects.bulk_create(
        [
            EvaluationInvitation(
                survey=survey, registration_id=pk, key=f"{rng.getrandbits(120):030x}"
            )
            for pk in participants
        ],
        batch_size=5000,
    )
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                registration_id=pk,
                status=Response.Status.SUBMITTED,
                submitted_at=submitted_at,
            )
            for pk in participants
        ],
        batch_size=5000,
    )
    return answer_all(survey, responses, rng)


def remove():
    surveys = Survey.objects.filter(title_en__startswith=PREFIX)
    raw_delete(AnswerChoice.objects.filter(answer__response__survey__in=surveys))
    raw_delete(Answer.objects.filter(response__survey__in=surveys))
    raw_delete(Response.objects.filter(survey__in=surveys))
    raw_delete(EvaluationInvitation.objects.filter(survey__in=surveys))
    surveys.delete()
