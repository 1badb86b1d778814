"""What the survey services refuse, with a message a person can act on."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class SurveyError(Exception):
    message = _("This action is not possible.")

    def __init__(self, message=None):
        super().__init__(str(message or self.message))
        if message:
            self.message = message


class NotAllowed(SurveyError, PermissionDenied):
    message = _("You are not allowed to do this.")


class SurveyNotOpen(SurveyError):
    message = _("This survey is not open for answers.")


class ResponseLocked(SurveyError):
    message = _(
        "This response has been submitted and is locked. IOM staff can reopen it on request."
    )


class StaleVersion(SurveyError):
    """Someone saved the draft after the version the editor loaded: nothing was written.
    `changed_question_ids`: the questions a colleague changed meanwhile, when known."""

    message = _(
        "A colleague saved this part of the draft after you opened it. Nothing of yours was "
        "saved yet: compare both versions, then save again."
    )

    def __init__(self, response, changed_question_ids=()):
        super().__init__()
        self.response = response
        self.changed_question_ids = set(changed_question_ids)


class AnswersInvalid(SurveyError):
    """Field errors: {question id: [messages]}."""

    message = _("Some answers need correcting: see the messages beside the questions.")
    unknown_question = _("This question is not part of the survey.")

    def __init__(self, errors):
        super().__init__()
        self.errors = errors


class MissingAnswers(SurveyError):
    """Submission refused: [(question, message)] in questionnaire order."""

    message = _("The response cannot be submitted yet: some answers are missing or incomplete.")

    def __init__(self, missing):
        super().__init__()
        self.missing = missing


class AlreadySubmitted(SurveyError):
    message = _("This response has already been submitted.")


class ReopenRefused(SurveyError):
    reason_missing = _("Give the reason for reopening: the state's delegates will see it.")
    not_submitted = _("Only a submitted response can be reopened.")
