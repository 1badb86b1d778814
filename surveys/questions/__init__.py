"""The question types of surveys, one class each (see surveys.questions.base).

    from surveys.questions import question_type
    question_type(question).display(question, value)

Adding a type: a `Question.Kind` value, a class registered with `@register` in one of these
modules (or a new one imported below), and its template `surveys/questions/<kind>.html`.
"""

from surveys.questions import choice, scale, text  # noqa: F401 (registers the types)
from surveys.questions.base import (
    QuestionType,
    all_types,
    is_empty,
    kinds_where,
    plain_number,
    question_type,
    register,
)

__all__ = [
    "QuestionType",
    "all_types",
    "is_empty",
    "kinds_where",
    "plain_number",
    "question_type",
    "register",
]
