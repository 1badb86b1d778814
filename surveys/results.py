"""Survey results, aggregated in the database.

Only submitted responses count (a draft is not a state's official answer). Whatever the number
of responses, the results take the same few queries: every figure comes from a GROUP BY over
all questions at once, never from a loop over responses.

Ranking questions are scored by the Borda count: with N options, rank r earns N - r points
(first place N - 1, last place 0) and an option left unranked (top-k ranking) earns nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Exists, F, Max, Min, OuterRef, Q, Sum

from idm.models import Region
from surveys.models import Answer, AnswerChoice, Question, Response
from surveys.structure import load_questionnaire
from workshops.models import Registration

Kind = Question.Kind


@dataclass
class OptionResult:
    option: object
    count: int = 0
    percent: float = 0.0
    # ranking only
    borda: int = 0
    mean_rank: float | None = None
    first_count: int = 0
    top_k_count: int = 0
    top_k_percent: float = 0.0


@dataclass
class QuestionResult:
    question: object
    number: int
    answered: int = 0
    options: list = field(default_factory=list)
    distribution: list = field(default_factory=list)  # [(value, count, percent)]
    mean: float | None = None
    median: float | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    texts: list = field(default_factory=list)  # [(state name, text)]

    @property
    def kind(self):
        return self.question.kind

    @property
    def max_count(self):
        counts = [o.count for o in self.options] + [c for _v, c, _p in self.distribution]
        return max(counts, default=0)

    @property
    def max_borda(self):
        return max((o.borda for o in self.options), default=0)


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


def percent(part, whole):
    return round(100.0 * part / whole, 1) if whole else 0.0


def median_of(distribution):
    """Median of [(value, count)] sorted by value."""
    total = sum(count for _value, count in distribution)
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value, count in distribution:
        for index in middle:
            if seen <= index < seen + count:
                found.append(Decimal(value))
        seen += count
    return float(sum(found) / len(found))


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
    yes_no = {
        (question_id, value): count
        for question_id, value, count in answers.filter(boolean__isnull=False)
        .values_list("question_id", "boolean")
        .annotate(n=Count("id"))
        .order_by()
    }
    texts = {}
    for question_id, state_name, text in (
        answers.filter(question__kind__in=Question.TEXT_KINDS)
        .exclude(text="")
        .values_list("question_id", "response__member_state__name", "text")
        .order_by("question_id", "response__member_state__name")
    ):
        texts.setdefault(question_id, []).append((state_name if include_text_sources else "", text))

    results = []
    for question in questionnaire.questions:
        result = QuestionResult(
            question=question,
            number=questionnaire.numbers[question.pk],
            answered=answered.get(question.pk, 0),
        )
        if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
            fill_choice(result, option_rows)
        elif question.kind == Kind.RANKING:
            fill_ranking(result, option_rows)
        elif question.kind in Question.NUMERIC_KINDS:
            fill_numbers(result, number_stats.get(question.pk), number_distribution)
        elif question.kind == Kind.YES_NO:
            counts = {value: yes_no.get((question.pk, value), 0) for value in (True, False)}
            result.distribution = [
                (value, count, percent(count, result.answered)) for value, count in counts.items()
            ]
        else:
            result.texts = texts.get(question.pk, [])
        results.append(result)
    return SurveyResults(
        survey=survey,
        region=region,
        respondents=respondents,
        questions=results,
        category=category,
    )


def fill_choice(result, option_rows):
    for option in result.question.options.all():
        count = option_rows.get(option.pk, {}).get("count", 0)
        result.options.append(
            OptionResult(option=option, count=count, percent=percent(count, result.answered))
        )


def fill_ranking(result, option_rows):
    options = list(result.question.options.all())
    size = len(options)
    for option in options:
        row = option_rows.get(option.pk, {})
        count, rank_sum = row.get("count", 0), row.get("rank_sum") or 0
        result.options.append(
            OptionResult(
                option=option,
                count=count,
                percent=percent(count, result.answered),
                borda=size * count - rank_sum,
                mean_rank=round(rank_sum / count, 2) if count else None,
                first_count=row.get("first", 0),
                top_k_count=row.get("top_k", 0),
                top_k_percent=percent(row.get("top_k", 0), result.answered),
            )
        )
    result.options.sort(
        key=lambda o: (-o.borda, o.mean_rank if o.mean_rank is not None else size + 1)
    )


def fill_numbers(result, stats, distributions):
    distribution = distributions.get(result.question.pk, [])
    if result.kind == Kind.LIKERT:
        counts = {int(value): count for value, count in distribution}
        result.distribution = [
            (point, counts.get(point, 0), percent(counts.get(point, 0), result.answered))
            for point in range(1, 6)
        ]
    else:
        result.distribution = [
            (value, count, percent(count, result.answered)) for value, count in distribution
        ]
    if stats:
        result.mean = round(float(stats["mean"]), 2)
        result.minimum, result.maximum = stats["low"], stats["high"]
        result.median = median_of(distribution)


def winning_option(result):
    """The ranking question's option with the highest Borda score (ties: lower mean rank)."""
    ranked = [o for o in result.options if o.count]
    return ranked[0] if ranked else None
