"""An event that is over, its participants and its evaluation survey, and invitations."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from surveys.evaluations import links
from surveys.evaluations.services import day_start
from surveys.models import EvaluationInvitation, Question, Survey
from tests.surveys.factories import QuestionFactory, SectionFactory, SurveyFactory, add_options
from tests.workshops.factories import EventFactory, RegistrationFactory


def held_event(**fields):
    """An event that ended yesterday."""
    today = timezone.localdate()
    defaults = {
        "start_date": today - datetime.timedelta(days=2),
        "end_date": today - datetime.timedelta(days=1),
        "title": "Labour Mobility",
    }
    return EventFactory(**{**defaults, **fields})


@dataclass
class Evaluation:
    survey: Survey
    event: object
    rating: Question
    take_home: Question
    detail: Question
    comment: Question

    def option(self, question, index):
        return list(question.options.all())[index]


def evaluation(event=None, **survey_fields):
    """An open evaluation of `event` (default: held yesterday). Section 1: a rating 1-5
    (required) and a multiple choice; section 2: a short text shown only when the second
    option is chosen (required), a long text."""
    event = event or held_event()
    defaults = {
        "kind": Survey.Kind.EVENT_EVALUATION,
        "event": event,
        "status": Survey.Status.OPEN,
        "title_en": f"Event evaluation: {event.title}",
        "title_fr": f"Évaluation de l’événement : {event.title}",
        "title_es": f"Evaluación del evento: {event.title}",
        "opens_at": day_start(event.start_date) if event.start_date else None,
        "closes_at": day_start(event.last_day + datetime.timedelta(days=21))
        if event.start_date
        else timezone.now() + datetime.timedelta(days=20),
    }
    survey = SurveyFactory(**{**defaults, **survey_fields})
    first = SectionFactory(survey=survey, position=1, title_en="The event")
    second = SectionFactory(survey=survey, position=2, title_en="Your ideas")
    rating = QuestionFactory(
        section=first,
        position=1,
        kind="likert",
        required=True,
        text_en="How relevant was the theme?",
        text_fr="Le thème était-il pertinent ?",
        low_label_en="Not relevant",
        high_label_en="Highly relevant",
    )
    take_home = QuestionFactory(
        section=first, position=2, kind="multiple_choice", text_en="What do you take home?"
    )
    add_options(take_home, "Knowledge", "Contacts", "Ideas")
    detail = QuestionFactory(
        section=second,
        position=1,
        kind="short_text",
        required=True,
        text_en="Which contacts?",
        condition_question=take_home,
    )
    detail.condition_options.set([list(take_home.options.all())[1]])
    comment = QuestionFactory(
        section=second, position=2, kind="long_text", text_en="Suggestions for future events?"
    )
    return Evaluation(survey, event, rating, take_home, detail, comment)


def participant(event, **fields):
    return RegistrationFactory(event=event, **fields)


def invite(survey, registration):
    """An invitation (no email) and the token of its link."""
    invitation = EvaluationInvitation.objects.create(
        survey=survey, registration=registration, key=links.new_key()
    )
    return invitation, links.token_for(invitation)


def evaluation_url(token):
    return f"/evaluations/{token}/"
