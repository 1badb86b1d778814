"""Question types answered with a number or a yes/no: Likert scale, number, yes/no."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from surveys.questions.aggregates import median_of
from surveys.questions.base import QuestionType, percent, plain_number, register


class NumericType(QuestionType):
    """A number in Answer.number; results give the distribution, mean, median and range."""

    storage = "number"
    result_shape = "numeric"

    def parse(self, question, raw):
        if isinstance(raw, bool):
            raise TypeError
        return self.to_number(raw)

    def distribution(self, result, figures):
        return [
            (value, count, percent(count, result.answered))
            for value, count in figures.number_distribution.get(result.question.pk, [])
        ]

    def aggregate(self, result, figures):
        result.distribution = self.distribution(result, figures)
        stats = figures.number_stats.get(result.question.pk)
        if stats:
            result.mean = round(float(stats["mean"]), 2)
            result.minimum, result.maximum = stats["low"], stats["high"]
            result.median = median_of(figures.number_distribution.get(result.question.pk, []))


@register
class Likert(NumericType):
    """Value: a point of the scale (int, 1 to 5), or None. The ends may have labels."""

    kind = "likert"
    points = range(1, 6)
    grouped = True
    invalid_message = gettext_lazy("Choose a point from 1 to 5.")
    results_template = "surveys/questions/results/likert.html"

    def to_number(self, raw):
        return int(raw)

    def point_label(self, question, point):
        """The label of the scale's lowest or highest point (empty for the others)."""
        return {self.points[0]: question.low_label, self.points[-1]: question.high_label}.get(
            point, ""
        )

    def check(self, question, value):
        if value not in self.points:
            raise ValidationError(_("Choose a point from 1 to 5."))
        return value

    def widget_context(self, question, name, value):
        return {
            "points": [
                (str(point), self.point_label(question, point), value == str(point))
                for point in self.points
            ]
        }

    def read_answer(self, question, answer):
        return int(answer.number) if answer.number is not None else None

    def show(self, question, value):
        label = self.point_label(question, value)
        return f"{value} ({label})" if label else str(value)

    def distribution(self, result, figures):
        counts = {
            int(value): count
            for value, count in figures.number_distribution.get(result.question.pk, [])
        }
        return [
            (point, counts.get(point, 0), percent(counts.get(point, 0), result.answered))
            for point in self.points
        ]

    def results_rows(self, result):
        """[(point, its label, count, percent)] for the results page."""
        return [
            (point, self.point_label(result.question, point), count, share)
            for point, count, share in result.distribution
        ]


@register
class Number(NumericType):
    """Value: a Decimal (at most two decimals, within the question's bounds), or None."""

    kind = "number"
    invalid_message = gettext_lazy("Enter a number, for example 12 or 3.5.")
    results_template = "surveys/questions/results/number.html"

    def to_number(self, raw):
        number = Decimal(str(raw).strip().replace(",", "."))
        if not number.is_finite():
            raise ValueError
        return number

    def input_attrs(self, question):
        return {"inputmode": "decimal"}

    def check(self, question, value):
        if question.min_value is not None and value < question.min_value:
            raise ValidationError(
                _("Enter a number of at least %(minimum)s.")
                % {"minimum": plain_number(question.min_value)}
            )
        if question.max_value is not None and value > question.max_value:
            raise ValidationError(
                _("Enter a number of at most %(maximum)s.")
                % {"maximum": plain_number(question.max_value)}
            )
        if abs(value) >= Decimal("1e12") or value != value.quantize(Decimal("0.01")):
            raise ValidationError(_("Enter a number with at most two decimals."))
        return value

    def same_value(self, question, first, second):
        if first is not None and second is not None:
            return Decimal(first) == Decimal(second)
        return first == second

    def form_value(self, question, value):
        if isinstance(value, Decimal):
            return plain_number(value)
        return super().form_value(question, value)

    def read_answer(self, question, answer):
        return answer.number.normalize() if answer.number is not None else None

    def show(self, question, value):
        return plain_number(value)

    def to_json(self, question, value):
        return plain_number(value) if value is not None else None

    def export_value(self, question, value, language):
        return float(value)


@register
class YesNo(QuestionType):
    """Value: True, False, or None."""

    kind = "yes_no"
    storage = "boolean"
    grouped = True
    invalid_message = gettext_lazy("Answer yes or no.")
    controls_display = True
    result_shape = "yes_no"
    results_template = "surveys/questions/results/yes_no.html"

    def parse(self, question, raw):
        if isinstance(raw, bool):
            return raw
        lowered = str(raw).strip().lower()
        if lowered in {"yes", "true", "1"}:
            return True
        if lowered in {"no", "false", "0"}:
            return False
        raise TypeError

    def form_value(self, question, value):
        if isinstance(value, bool):
            return "yes" if value else "no"
        return super().form_value(question, value)

    def show(self, question, value):
        return _("Yes") if value else _("No")

    def export_value(self, question, value, language):
        return self.show(question, value)

    def shows(self, dependent, value):
        if not isinstance(value, bool):
            return False
        return dependent.condition_yes is None or value == dependent.condition_yes

    def condition_text(self, dependent):
        return _("Yes") if dependent.condition_yes is not False else _("No")

    def aggregate(self, result, figures):
        counts = {
            value: figures.booleans.get((result.question.pk, value), 0) for value in (True, False)
        }
        result.distribution = [
            (value, count, percent(count, result.answered)) for value, count in counts.items()
        ]
