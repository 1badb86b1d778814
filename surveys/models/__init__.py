"""Survey models: the questionnaire (surveys.py) and what respondents answer (responses.py)."""

from surveys.models.evaluations import EvaluationInvitation
from surveys.models.i18n import localized
from surveys.models.notices import ReviewNotice
from surveys.models.responses import Answer, AnswerChoice, Response, ThemeAdoption
from surveys.models.surveys import Option, Question, Section, Survey

__all__ = [
    "Answer",
    "AnswerChoice",
    "EvaluationInvitation",
    "Option",
    "Question",
    "Response",
    "ReviewNotice",
    "Section",
    "Survey",
    "ThemeAdoption",
    "localized",
]
