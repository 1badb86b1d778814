"""Emails about responses: the submission receipt and reminders to focal points."""

import logging

from idm.emails import Attachment, send_email
from idm.links import absolute_url
from idm.models import User
from idm.pdf import PdfUnavailable
from surveys import values as answer_values
from surveys.models import Response
from surveys.pdfs import response_filename, response_pdf
from surveys.structure import load_answers, load_questionnaire

logger = logging.getLogger(__name__)


def delegates_by_language(state):
    """{language: [emails]} of the state's active delegates."""
    recipients = {}
    for email, language in (
        User.objects.filter(member_state=state, is_active=True)
        .order_by("email")
        .values_list("email", "preferred_language")
    ):
        recipients.setdefault(language, []).append(email)
    return recipients


def answered_sections(questionnaire, question_values):
    """[(section, [(number, question, shown value)])] of the questions shown."""
    shown = questionnaire.visible(question_values)
    return [
        (
            section,
            [
                (
                    questionnaire.numbers[question.pk],
                    question,
                    answer_values.display(question, question_values[question.pk]),
                )
                for question in section.questions.all()
                if question.pk in shown
            ],
        )
        for section in questionnaire.sections
    ]


def response_attachments(response, questionnaire, question_values):
    """[the response's PDF], in the active language; [] (logged) when PDFs are unavailable:
    the receipt still goes out, with the answers in its text."""
    try:
        content = response_pdf(response, questionnaire, question_values)
    except PdfUnavailable as error:
        logger.error("Receipt sent without its PDF: %s", error)
        return []
    return [Attachment(response_filename(response), content, "application/pdf")]


def send_receipt(*, response_id):
    """A copy of the submitted answers to every delegate of the state, in their language (one
    email per language), with the response as a PDF. Returns the number of emails sent."""
    response = Response.objects.select_related("survey", "member_state", "submitted_by").get(
        pk=response_id
    )
    questionnaire = load_questionnaire(response.survey)
    question_values, _answers = load_answers(questionnaire, response)

    def context():
        return {
            "response": response,
            "survey": response.survey,
            "sections": answered_sections(questionnaire, question_values),
            "survey_url": absolute_url(
                "surveys:response",
                kwargs={"pk": response.survey_id, "code": response.member_state.code},
            ),
        }

    return sum(
        send_email(
            to=recipients,
            language=language,
            subject_template="surveys/email/receipt_subject.txt",
            text_template="surveys/email/receipt.txt",
            html_template="surveys/email/receipt.html",
            context=context,
            attachments=lambda: response_attachments(response, questionnaire, question_values),
        )
        for language, recipients in delegates_by_language(response.member_state).items()
    )


def send_reminders(*, survey, focal_points):
    """One email to each focal point, in their language: [(user, state, response status)].
    Returns the number of emails sent."""
    survey_url = absolute_url("surveys:start", kwargs={"pk": survey.pk})
    return sum(
        send_email(
            to=user.email,
            language=user.preferred_language,
            subject_template="surveys/email/reminder_subject.txt",
            text_template="surveys/email/reminder.txt",
            context={"survey": survey, "state": state, "status": status, "survey_url": survey_url},
        )
        for user, state, status in focal_points
    )
