"""State changes of surveys; pages, the API, admin actions and the seed all call these."""

from surveys.services.drafts import save_answers
from surveys.services.errors import (
    AlreadySubmitted,
    AnswersInvalid,
    MissingAnswers,
    NotAllowed,
    ReopenRefused,
    ResponseLocked,
    StaleVersion,
    SurveyError,
    SurveyNotOpen,
)
from surveys.services.staff import adopt_winning_theme, remind_focal_points
from surveys.services.submission import missing_answers, reopen_response, submit_response

__all__ = [
    "AlreadySubmitted",
    "AnswersInvalid",
    "MissingAnswers",
    "NotAllowed",
    "ReopenRefused",
    "ResponseLocked",
    "StaleVersion",
    "SurveyError",
    "SurveyNotOpen",
    "adopt_winning_theme",
    "missing_answers",
    "reopen_response",
    "remind_focal_points",
    "save_answers",
    "submit_response",
]
