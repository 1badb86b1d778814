"""Answer values: one plain Python shape per question type, shared by pages, API and services.

single choice    option id, or None
multiple choice  list of option ids (in option order), or []
ranking          {option id: rank} with rank 1 the first, or {}
Likert 1-5       int, or None
number           Decimal, or None
yes/no           True / False, or None
short/long text  str, or ""
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from idm.validators import prohibit_null_characters
from surveys.models import Question

Kind = Question.Kind
LIKERT_POINTS = range(1, 6)
SHORT_TEXT_MAX = 300
LONG_TEXT_MAX = 10_000


def empty_value(question):
    if question.kind == Kind.MULTIPLE_CHOICE:
        return []
    if question.kind == Kind.RANKING:
        return {}
    if question.kind in Question.TEXT_KINDS:
        return ""
    return None


def is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def option_ids(question):
    return [option.pk for option in question.options.all()]


def rank_limit(question):
    """How many ranks a ranking question asks for: its top k, or all its options."""
    count = len(option_ids(question))
    return min(question.top_k, count) if question.top_k else count


def coerce(question, raw):
    """Turn JSON-ish input (API) into the question's value shape; ValidationError if it can't."""
    if is_empty(raw):
        return empty_value(question)
    kind = question.kind
    try:
        if kind in (Kind.SINGLE_CHOICE, Kind.LIKERT):
            if isinstance(raw, bool):
                raise TypeError
            return int(raw)
        if kind == Kind.MULTIPLE_CHOICE:
            if not isinstance(raw, list | tuple):
                raise TypeError
            return [int(item) for item in raw]
        if kind == Kind.RANKING:
            if isinstance(raw, list | tuple):  # option ids in rank order
                return {int(option): rank for rank, option in enumerate(raw, start=1)}
            if not isinstance(raw, dict):
                raise TypeError
            return {
                int(option): int(rank) for option, rank in raw.items() if rank not in ("", None)
            }
        if kind == Kind.NUMBER:
            if isinstance(raw, bool):
                raise TypeError
            number = Decimal(str(raw).strip().replace(",", "."))
            if not number.is_finite():
                raise InvalidOperation
            return number
        if kind == Kind.YES_NO:
            if isinstance(raw, bool):
                return raw
            lowered = str(raw).strip().lower()
            if lowered in {"yes", "true", "1"}:
                return True
            if lowered in {"no", "false", "0"}:
                return False
            raise TypeError
        if not isinstance(raw, str):
            raise TypeError
        return raw.strip()
    except (TypeError, ValueError, InvalidOperation, AttributeError):
        raise ValidationError(invalid_message(question)) from None


def invalid_message(question):
    messages = {
        Kind.SINGLE_CHOICE: _("Choose one of the options."),
        Kind.MULTIPLE_CHOICE: _("Choose options from the list."),
        Kind.RANKING: _("Give each option a rank number."),
        Kind.LIKERT: _("Choose a point from 1 to 5."),
        Kind.NUMBER: _("Enter a number, for example 12 or 3.5."),
        Kind.YES_NO: _("Answer yes or no."),
    }
    return messages.get(question.kind, _("Enter text."))


def validate(question, value):
    """Check a draft value; returns it normalised, or raises ValidationError with messages a
    respondent understands. Required answers are only enforced when the focal point submits."""
    if is_empty(value):
        return empty_value(question)
    kind = question.kind
    if kind == Kind.SINGLE_CHOICE:
        if value not in option_ids(question):
            raise ValidationError(_("Choose one of the options."))
    elif kind == Kind.MULTIPLE_CHOICE:
        return validate_multiple(question, value)
    elif kind == Kind.RANKING:
        return validate_ranking(question, value)
    elif kind == Kind.LIKERT:
        if value not in LIKERT_POINTS:
            raise ValidationError(_("Choose a point from 1 to 5."))
    elif kind == Kind.NUMBER:
        validate_number(question, value)
    elif kind in Question.TEXT_KINDS:
        prohibit_null_characters(value)
        limit = SHORT_TEXT_MAX if kind == Kind.SHORT_TEXT else LONG_TEXT_MAX
        if len(value) > limit:
            raise ValidationError(
                ngettext(
                    "Use at most %(limit)d character.",
                    "Use at most %(limit)d characters.",
                    limit,
                )
                % {"limit": limit}
            )
    return value


def validate_multiple(question, value):
    allowed = option_ids(question)
    chosen = set(value)
    if not chosen <= set(allowed):
        raise ValidationError(_("Choose options from the list."))
    if question.min_choices and len(chosen) < question.min_choices:
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
    return [option for option in allowed if option in chosen]


def validate_ranking(question, value):
    if not set(value) <= set(option_ids(question)):
        raise ValidationError(_("Rank only the options listed."))
    limit = rank_limit(question)
    ranks = list(value.values())
    if any(rank < 1 or rank > limit for rank in ranks):
        raise ValidationError(
            _("Use rank numbers from 1 to %(limit)d.") % {"limit": limit},
        )
    if len(set(ranks)) != len(ranks):
        raise ValidationError(_("Give each rank to one option only."))
    return dict(sorted(value.items(), key=lambda item: item[1]))


def validate_number(question, value):
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


def incomplete_message(question, value):
    """Why a submitted answer is missing or incomplete, or None when it is fine."""
    if is_empty(value):
        return _("This question needs an answer.") if question.required else None
    if question.kind == Kind.RANKING:
        limit = rank_limit(question)
        if sorted(value.values()) != list(range(1, limit + 1)):
            return _("Rank %(limit)d options, using each rank from 1 to %(limit)d once.") % {
                "limit": limit
            }
    return None


def chosen_options(answer):
    """An answer's AnswerChoice rows: the list prefetched as `chosen`
    (`Prefetch("choices", to_attr="chosen")`, much cheaper for many answers than a queryset
    each), else through the relation."""
    chosen = getattr(answer, "chosen", None)
    return chosen if chosen is not None else answer.choices.all()


def stored_value(question, answer):
    """The value an Answer holds (its choices prefetched); empty when there is no answer."""
    if answer is None:
        return empty_value(question)
    kind = question.kind
    if kind == Kind.SINGLE_CHOICE:
        choices = list(chosen_options(answer))
        return choices[0].option_id if choices else None
    if kind == Kind.MULTIPLE_CHOICE:
        chosen = {choice.option_id for choice in chosen_options(answer)}
        return [option for option in option_ids(question) if option in chosen]
    if kind == Kind.RANKING:
        ranked = sorted(chosen_options(answer), key=lambda choice: choice.rank or 0)
        return {choice.option_id: choice.rank for choice in ranked}
    if kind == Kind.LIKERT:
        return int(answer.number) if answer.number is not None else None
    if kind == Kind.NUMBER:
        return answer.number.normalize() if answer.number is not None else None
    if kind == Kind.YES_NO:
        return answer.boolean
    return answer.text


def same_value(question, first, second):
    if question.kind == Kind.NUMBER and first is not None and second is not None:
        return Decimal(first) == Decimal(second)
    return first == second


def display(question, value):
    """The value as a person reads it, in the active language."""
    if is_empty(value):
        return ""
    options = {option.pk: option.text for option in question.options.all()}
    kind = question.kind
    if kind == Kind.SINGLE_CHOICE:
        return options.get(value, "")
    if kind == Kind.MULTIPLE_CHOICE:
        return "; ".join(options.get(option, "") for option in value)
    if kind == Kind.RANKING:
        ordered = sorted(value.items(), key=lambda item: item[1])
        return "; ".join(f"{rank}. {options.get(option, '')}" for option, rank in ordered)
    if kind == Kind.LIKERT:
        label = {1: question.low_label, 5: question.high_label}.get(value)
        return f"{value} ({label})" if label else str(value)
    if kind == Kind.YES_NO:
        return _("Yes") if value else _("No")
    if kind == Kind.NUMBER:
        return plain_number(value)
    return value


def plain_number(value):
    """12.50 -> "12.5", 100.00 -> "100" (never "1E+2")."""
    return f"{Decimal(value).normalize():f}"


def to_json(question, value):
    """The value for the API (JSON)."""
    if question.kind == Kind.NUMBER and value is not None:
        return plain_number(value)
    if question.kind == Kind.RANKING:
        return {str(option): rank for option, rank in value.items()}
    return value
