"""Factories for surveys, and a small survey with one question of every type."""

from dataclasses import dataclass

import factory

from surveys.models import Option, Question, Section, Survey
from tests.factories import FocalPointFactory, MemberStateFactory, UserFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    title_en = factory.Sequence(lambda n: f"Survey {n}")
    title_fr = factory.Sequence(lambda n: f"Enquête {n}")
    title_es = factory.Sequence(lambda n: f"Encuesta {n}")
    kind = Survey.Kind.EFFECTIVENESS
    status = Survey.Status.OPEN


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Section {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.SHORT_TEXT
    text_en = factory.Sequence(lambda n: f"Question {n}?")
    text_fr = factory.Sequence(lambda n: f"Question {n} ?")
    text_es = factory.Sequence(lambda n: f"¿Pregunta {n}?")


def add_options(question, *texts):
    return [
        Option.objects.create(
            question=question, position=i, text_en=text, text_fr=f"{text} (fr)", text_es=""
        )
        for i, text in enumerate(texts, start=1)
    ]


@dataclass
class SmallSurvey:
    survey: Survey
    single: Question
    yes_no: Question
    conditional: Question
    multiple: Question
    likert: Question
    ranking: Question
    number: Question
    long_text: Question

    def option(self, question, index):
        return list(question.options.all())[index]


def small_survey(**survey_fields):
    """Section 1: single choice (required), yes/no (required), short text shown only on "yes"
    (required). Section 2: multiple choice (1-2), Likert (required), ranking of four (top 2),
    number 0-10, long text."""
    survey = SurveyFactory(**survey_fields)
    first = SectionFactory(survey=survey, position=1, title_en="Themes")
    second = SectionFactory(survey=survey, position=2, title_en="Formats")
    single = QuestionFactory(
        section=first, position=1, kind="single_choice", required=True, text_en="Best format?"
    )
    add_options(single, "Workshop", "Panel", "Consultation")
    yes_no = QuestionFactory(
        section=first, position=2, kind="yes_no", required=True, text_en="Did you attend?"
    )
    conditional = QuestionFactory(
        section=first,
        position=3,
        kind="short_text",
        required=True,
        text_en="Which workshop?",
        condition_question=yes_no,
        condition_yes=True,
    )
    multiple = QuestionFactory(
        section=second,
        position=1,
        kind="multiple_choice",
        min_choices=1,
        max_choices=2,
        text_en="Topics?",
    )
    add_options(multiple, "Labour", "Rights", "Return")
    likert = QuestionFactory(
        section=second,
        position=2,
        kind="likert",
        required=True,
        text_en="Relevance?",
        low_label_en="Not relevant",
        high_label_en="Highly relevant",
    )
    ranking = QuestionFactory(
        section=second, position=3, kind="ranking", top_k=2, text_en="Rank the themes"
    )
    add_options(ranking, "Théme A", "Theme B", "Theme C", "Theme D")
    number = QuestionFactory(
        section=second,
        position=4,
        kind="number",
        min_value=0,
        max_value=10,
        text_en="How many workshops?",
    )
    long_text = QuestionFactory(
        section=second, position=5, kind="long_text", text_en="Suggestions?"
    )
    return SmallSurvey(
        survey, single, yes_no, conditional, multiple, likert, ranking, number, long_text
    )


@dataclass
class Delegation:
    state: object
    focal_point: object
    contributor: object
    viewer: object


def delegation(code="PH", region="asia", **state_fields):
    state = MemberStateFactory(code=code, iso3=f"{code}X", region=region, **state_fields)
    return Delegation(
        state=state,
        focal_point=FocalPointFactory(member_state=state, email=f"fp.{code.lower()}@example.org"),
        contributor=UserFactory(
            member_state=state,
            delegation_role="contributor",
            email=f"contributor.{code.lower()}@example.org",
        ),
        viewer=UserFactory(
            member_state=state, delegation_role="viewer", email=f"viewer.{code.lower()}@example.org"
        ),
    )


def complete_values(s):
    """Answers to every shown required question of the small survey."""
    return {
        s.single.pk: s.option(s.single, 0).pk,
        s.yes_no.pk: True,
        s.conditional.pk: "Managing Return Migration",
        s.likert.pk: 4,
    }
