"""The shapes of aggregate results, which each question type fills from the survey's figures
(computed once for all questions by surveys.results.compute_results)."""

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class Figures:
    """Every figure of a survey's submitted responses, each from one GROUP BY query."""

    answered: dict  # {question id: responses that answer it}
    option_rows: dict  # {option id: {count, rank_sum, first, top_k}}
    number_stats: dict  # {question id: {mean, low, high}}
    number_distribution: dict  # {question id: [(number, count)] by number}
    booleans: dict  # {(question id, True/False): count}
    texts: dict  # {question id: [(state name or "", text)]}


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
    def results_template(self):
        from surveys.questions.base import question_type

        return question_type(self.question).results_template

    @property
    def rows(self):
        """The distribution with each value's label: [(value, label, count, percent)]."""
        from surveys.questions.base import question_type

        return question_type(self.question).results_rows(self)

    @property
    def max_count(self):
        counts = [o.count for o in self.options] + [c for _v, c, _p in self.distribution]
        return max(counts, default=0)

    @property
    def max_borda(self):
        return max((o.borda for o in self.options), default=0)


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
