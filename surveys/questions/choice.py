"""Question types answered with options: single choice, multiple choice, ranking. Their answers
are AnswerChoice rows (a rank for a ranking)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from surveys.models.i18n import localized
from surveys.questions.aggregates import OptionResult
from surveys.questions.base import (
    QuestionType,
    answer_choices,
    is_empty,
    option_ids,
    percent,
    register,
)


@dataclass
class OptionRow:
    option: object
    input_name: str
    input_id: str
    checked: bool = False
    rank: str = ""


class ChoiceType(QuestionType):
    """Options; the answer is AnswerChoice rows."""

    storage = "choices"
    grouped = True
    result_shape = "choice"
    results_template = "surveys/questions/results/choice.html"

    def option_rows(self, question, name, value):
        selected = value if isinstance(value, list | dict) else [value]
        return [
            OptionRow(
                option=option,
                input_name=name,
                input_id=f"{name}-o{option.pk}",
                checked=str(option.pk) in selected,
            )
            for option in question.options.all()
        ]

    def widget_context(self, question, name, value):
        return {"options": self.option_rows(question, name, value)}

    def store(self, answer, question, value):
        """Nothing in the Answer's columns: the options chosen are its AnswerChoice rows."""

    def option_texts(self, question):
        return {option.pk: option.text for option in question.options.all()}

    def export_headers(self, question, language):
        return [localized(option, "text", language) for option in question.options.all()]

    def shows(self, dependent, value):
        wanted = {option.pk for option in dependent.condition_options.all()}
        chosen = set(value) if isinstance(value, list) else {value}
        return bool(wanted & chosen)

    def condition_text(self, dependent):
        return " / ".join(f"“{option.text}”" for option in dependent.condition_options.all())

    def aggregate(self, result, figures):
        for option in result.question.options.all():
            count = figures.option_rows.get(option.pk, {}).get("count", 0)
            result.options.append(
                OptionResult(option=option, count=count, percent=percent(count, result.answered))
            )


@register
class SingleChoice(ChoiceType):
    """Value: an option id, or None."""

    kind = "single_choice"
    invalid_message = gettext_lazy("Choose one of the options.")
    controls_display = True

    def parse(self, question, raw):
        if isinstance(raw, bool):
            raise TypeError
        return int(raw)

    def check(self, question, value):
        if value not in option_ids(question):
            raise ValidationError(_("Choose one of the options."))
        return value

    def read_answer(self, question, answer):
        choices = list(answer_choices(answer))
        return choices[0].option_id if choices else None

    def chosen_options(self, question, value):
        return {value: None} if value is not None else {}

    def show(self, question, value):
        return self.option_texts(question).get(value, "")

    def export_headers(self, question, language):
        return [None]

    def export_value(self, question, value, language):
        option = next((o for o in question.options.all() if o.pk == value), None)
        return localized(option, "text", language) if option else ""


@register
class MultipleChoice(ChoiceType):
    """Value: a list of option ids (in option order), or []. An exclusive option ("None",
    "Not yet") is chosen alone."""

    kind = "multiple_choice"
    invalid_message = gettext_lazy("Choose options from the list.")
    controls_display = True
    allows_exclusive_options = True

    def empty_value(self, question):
        return []

    def parse(self, question, raw):
        if not isinstance(raw, list | tuple):
            raise TypeError
        return [int(item) for item in raw]

    def check(self, question, value):
        options = {option.pk: option for option in question.options.all()}
        chosen = set(value)
        if not chosen <= set(options):
            raise ValidationError(_("Choose options from the list."))
        exclusive = [options[pk] for pk in options if pk in chosen and options[pk].exclusive]
        if exclusive and len(chosen) > 1:
            raise ValidationError(
                _("“%(option)s” cannot be combined with other options: choose it alone.")
                % {"option": exclusive[0].text}
            )
        alone = bool(exclusive)  # an exclusive option alone is a whole answer
        if question.min_choices and len(chosen) < question.min_choices and not alone:
            raise ValidationError(
                ngettext(
                    "Choose at least %(count)d option.",
                    "Choose at least %(count)d options.",
                    question.min_choices,
                )
                % {"count": question.min_choices}
            )
        if question.max_choices and len(chosen) > question.max_choices:
            raise ValidationError(
                ngettext(
                    "Choose at most %(count)d option.",
                    "Choose at most %(count)d options.",
                    question.max_choices,
                )
                % {"count": question.max_choices}
            )
        return [pk for pk in options if pk in chosen]

    def value_from_post(self, question, data, name):
        return data.getlist(name)

    def form_value(self, question, value):
        return [str(item) for item in value or []]

    def read_answer(self, question, answer):
        chosen = {choice.option_id for choice in answer_choices(answer)}
        return [option for option in option_ids(question) if option in chosen]

    def chosen_options(self, question, value):
        return dict.fromkeys(value)

    def show(self, question, value):
        texts = self.option_texts(question)
        return "; ".join(texts.get(option, "") for option in value)

    def export_cells(self, question, value, language):
        empty = is_empty(value)
        return ["" if empty else int(o.pk in value) for o in question.options.all()]


@register
class Ranking(ChoiceType):
    """Value: {option id: rank} with rank 1 the first, or {}. Respondents rank every option,
    or only their first `top_k`."""

    kind = "ranking"
    invalid_message = gettext_lazy("Give each option a rank number.")
    result_shape = "ranking"
    results_template = "surveys/questions/results/ranking.html"

    def empty_value(self, question):
        return {}

    def rank_limit(self, question):
        """How many ranks the question asks for: its top k, or all its options."""
        count = len(option_ids(question))
        return min(question.top_k, count) if question.top_k else count

    def parse(self, question, raw):
        if isinstance(raw, list | tuple):  # option ids in rank order
            return {int(option): rank for rank, option in enumerate(raw, start=1)}
        if not isinstance(raw, dict):
            raise TypeError
        return {int(option): int(rank) for option, rank in raw.items() if rank not in ("", None)}

    def check(self, question, value):
        if not set(value) <= set(option_ids(question)):
            raise ValidationError(_("Rank only the options listed."))
        limit = self.rank_limit(question)
        ranks = list(value.values())
        if any(rank < 1 or rank > limit for rank in ranks):
            raise ValidationError(_("Use rank numbers from 1 to %(limit)d.") % {"limit": limit})
        if len(set(ranks)) != len(ranks):
            raise ValidationError(_("Give each rank to one option only."))
        return dict(sorted(value.items(), key=lambda item: item[1]))

    def incomplete(self, question, value):
        limit = self.rank_limit(question)
        if sorted(value.values()) != list(range(1, limit + 1)):
            return _("Rank %(limit)d options, using each rank from 1 to %(limit)d once.") % {
                "limit": limit
            }
        return None

    def check_question(self, question):
        if question.pk and question.top_k and question.top_k > question.options.count():
            raise ValidationError({"top_k": _("Rank at most as many as there are options.")})

    def value_from_post(self, question, data, name):
        ranks = {}
        for option in question.options.all():
            rank = data.get(f"{name}_o{option.pk}", "").strip()
            if rank:
                ranks[option.pk] = rank
        return ranks

    def form_value(self, question, value):
        return {int(option): str(rank) for option, rank in (value or {}).items()}

    def widget_context(self, question, name, value):
        value = value if isinstance(value, dict) else {}
        rows = self.option_rows(question, name, value)
        for row in rows:
            row.input_name = f"{name}_o{row.option.pk}"
            row.checked = False
            row.rank = str(value.get(row.option.pk, ""))
        ranks = [str(rank) for rank in range(1, self.rank_limit(question) + 1)]
        return {"options": rows, "ranks": ranks}

    def read_answer(self, question, answer):
        ranked = sorted(answer_choices(answer), key=lambda choice: choice.rank or 0)
        return {choice.option_id: choice.rank for choice in ranked}

    def chosen_options(self, question, value):
        return dict(value)

    def show(self, question, value):
        texts = self.option_texts(question)
        ordered = sorted(value.items(), key=lambda item: item[1])
        return "; ".join(f"{rank}. {texts.get(option, '')}" for option, rank in ordered)

    def to_json(self, question, value):
        return {str(option): rank for option, rank in value.items()}

    def export_cells(self, question, value, language):
        return [value.get(o.pk, "") for o in question.options.all()]

    def shows(self, dependent, value):
        return False

    def aggregate(self, result, figures):
        """Borda count: with N options, rank r earns N - r points (first place N - 1, last 0);
        an option left unranked (top-k ranking) earns nothing."""
        options = list(result.question.options.all())
        size = len(options)
        for option in options:
            row = figures.option_rows.get(option.pk, {})
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
