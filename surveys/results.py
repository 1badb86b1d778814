"""Survey results, aggregated in the database.

Only submitted responses count (a draft is not a state's official answer). Whatever the number
of responses, the results take the same few queries: every figure comes from a GROUP BY over
all questions at once, never from a loop over responses.

Ranking questions are scored by the Borda count: with N options, rank r earns N - r points
(first place N - 1, last place 0) and an option left unranked (top-k ranking) earns nothing.
"""

from dataclasses import dataclass

from django.db.models import Avg, Count, Exists, F, Max, Min, OuterRef, Q, Sum

from idm.models import Region
from surveys.models import Answer, AnswerChoice, Response
from surveys.questions import kinds_where, question_type
from surveys.questions.aggregates import (
    Figures,
    OptionResult,
    QuestionResult,
    median_of,
)
from surveys.questions.base import percent
from surveys.structure import load_questionnaire
from workshops.models import Registration

__all__ = [
    "OptionResult",
    "QuestionResult",
    "SurveyResults",
    "compute_results",
    "median_of",
    "percent",
    "submitted_responses",
    "winning_option",
]


@dataclass
class SurveyResults:
    survey: object
    region: str
    respondents: int
    questions: list
    category: str = ""

    @property
    def region_label(self):
        return Region(self.region).label if self.region else ""

    @property
    def category_label(self):
        return Registration.Category(self.category).label if self.category else ""


def submitted_responses(survey, region="", category=""):
    """Submitted responses, of member states or participants (event evaluations) of `region`,
    and of participants of `category` (Registration.Category)."""
    responses = Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED)
    if region:
        state = "registration__member_state" if survey.is_evaluation else "member_state"
        responses = responses.filter(**{f"{state}__region": region})
    if category:
        responses = responses.filter(registration__category=category)
    return responses


def compute_results(
    survey, *, region="", category="", questionnaire=None, include_text_sources=True
):
    questionnaire = questionnaire or load_questionnaire(survey)
    responses = submitted_responses(survey, region, category)
    respondents = responses.count()
    answers = Answer.objects.filter(response__in=responses)
    choices = AnswerChoice.objects.filter(answer__response__in=responses)

    answered = dict(
        answers.filter(
            Q(number__isnull=False)
            | Q(boolean__isnull=False)
            | ~Q(text="")
            | Q(Exists(AnswerChoice.objects.filter(answer=OuterRef("pk"))))
        )
        .values_list("question_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    option_rows = {
        row["option_id"]: row
        for row in choices.values("option_id")
        .annotate(
            count=Count("id"),
            rank_sum=Sum("rank"),
            first=Count("id", filter=Q(rank=1)),
            top_k=Count("id", filter=Q(rank__lte=F("option__question__top_k"))),
        )
        .order_by()
    }
    numbers = answers.filter(number__isnull=False)
    number_stats = {
        row["question_id"]: row
        for row in numbers.values("question_id")
        .annotate(mean=Avg("number"), low=Min("number"), high=Max("number"))
        .order_by()
    }
    number_distribution = {}
    for question_id, number, count in (
        numbers.values_list("question_id", "number")
        .annotate(n=Count("id"))
        .order_by("question_id", "number")
    ):
        number_distribution.setdefault(question_id, []).append((number, count))
    booleans = {
        (question_id, value): count
        for question_id, value, count in answers.filter(boolean__isnull=False)
        .values_list("question_id", "boolean")
        .annotate(n=Count("id"))
        .order_by()
    }
    texts = {}
    for question_id, state_name, text in (
        answers.filter(question__kind__in=kinds_where(lambda type_: type_.storage == "text"))
        .exclude(text="")
        .values_list("question_id", "response__member_state__name", "text")
        .order_by("question_id", "response__member_state__name")
    ):
        texts.setdefault(question_id, []).append((state_name if include_text_sources else "", text))
    figures = Figures(
        answered=answered,
        option_rows=option_rows,
        number_stats=number_stats,
        number_distribution=number_distribution,
        booleans=booleans,
        texts=texts,
    )

    results = []
    for question in questionnaire.questions:
        result = QuestionResult(
            question=question,
            number=questionnaire.numbers[question.pk],
            answered=answered.get(question.pk, 0),
        )
        question_type(question).aggregate(result, figures)
        results.append(result)
    return SurveyResults(
        survey=survey,
        region=region,
        respondents=respondents,
        questions=results,
        category=category,
    )


def winning_option(result):
    """The ranking question's option with the highest Borda score (ties: lower mean rank)."""
    ranked = [o for o in result.options if o.count]
    return ranked[0] if ranked else None
