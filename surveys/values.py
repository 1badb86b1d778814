"""Answer values, whatever the question's type: each function asks the question's type
(surveys.questions), which defines the value's shape:

single choice    option id, or None
multiple choice  list of option ids (in option order), or []
ranking          {option id: rank} with rank 1 the first, or {}
Likert 1-5       int, or None
number           Decimal, or None
yes/no           True / False, or None
short/long text  str, or ""
"""

from surveys.questions import is_empty, plain_number, question_type
from surveys.questions.base import option_ids

__all__ = [
    "coerce",
    "display",
    "empty_value",
    "incomplete_message",
    "invalid_message",
    "is_empty",
    "option_ids",
    "plain_number",
    "rank_limit",
    "same_value",
    "stored_value",
    "to_json",
    "validate",
]


def empty_value(question):
    return question_type(question).empty_value(question)


def rank_limit(question):
    """How many ranks a ranking question asks for: its top k, or all its options."""
    return question_type(question).rank_limit(question)


def coerce(question, raw):
    """Turn form or JSON input into the question's value shape; ValidationError if it can't."""
    return question_type(question).coerce(question, raw)


def invalid_message(question):
    return question_type(question).invalid_message


def validate(question, value):
    """Check a draft value; returns it normalised, or raises ValidationError with messages a
    respondent understands. Required answers are only enforced when the focal point submits."""
    return question_type(question).validate(question, value)


def incomplete_message(question, value):
    """Why a submitted answer is missing or incomplete, or None when it is fine."""
    return question_type(question).incomplete_message(question, value)


def stored_value(question, answer):
    """The value an Answer holds (its choices prefetched); empty when there is no answer."""
    return question_type(question).read(question, answer)


def same_value(question, first, second):
    return question_type(question).same_value(question, first, second)


def display(question, value):
    """The value as a person reads it, in the active language."""
    return question_type(question).display(question, value)


def to_json(question, value):
    """The value for the API (JSON)."""
    if value is None:
        return None
    return question_type(question).to_json(question, value)
