"""Printable survey documents (WeasyPrint through idm.pdf): the blank questionnaire that
capitals consult ministries with offline, and a state's submitted response (also attached to
the receipt email). Both share the print stylesheet surveys/static/surveys/print.css."""

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from idm.pdf import html_to_pdf
from surveys import values as answer_values
from surveys.forms import condition_text
from surveys.questions import question_type

PRINT_CSS = Path(__file__).resolve().parent / "static" / "surveys" / "print.css"


def print_css():
    """The print stylesheet, inlined: WeasyPrint fetches no file."""
    return mark_safe(PRINT_CSS.read_text(encoding="utf-8"))


def blank_question(question, questionnaire):
    """One question as its type prints it, unanswered (`widget`: what the type's page widget
    would show: its options, scale points or ranks)."""
    kind = question_type(question)
    return {
        "number": questionnaire.numbers[question.pk],
        "question": question,
        "condition": condition_text(question, questionnaire),
        "template": kind.print_template_name,
        "widget": kind.widget_context(question, f"q{question.pk}", kind.empty_value(question)),
    }


def blank_questionnaire_context(questionnaire):
    """Every section and question (with its options and, for a conditional question, when to
    answer it), nothing filled in."""
    return {
        "survey": questionnaire.survey,
        "print_css": print_css(),
        "printed_at": timezone.localtime(),
        "sections": [
            (
                section,
                [blank_question(question, questionnaire) for question in section.questions.all()],
            )
            for section in questionnaire.sections
        ],
    }


def response_context(response, questionnaire, question_values):
    """The answers of the questions shown, as the delegates see them."""
    shown = questionnaire.visible(question_values)
    return {
        "survey": questionnaire.survey,
        "response": response,
        "state": response.member_state,
        "print_css": print_css(),
        "printed_at": timezone.localtime(),
        "sections": [
            (
                section,
                [
                    {
                        "number": questionnaire.numbers[question.pk],
                        "question": question,
                        "value": answer_values.display(question, question_values[question.pk]),
                    }
                    for question in section.questions.all()
                    if question.pk in shown
                ],
            )
            for section in questionnaire.sections
        ],
    }


def questionnaire_filename(survey):
    return f"{slugify(survey.title_en) or 'survey'}-questionnaire.pdf"


def response_filename(response):
    title = slugify(response.survey.title_en) or "survey"
    return f"{title}-{response.member_state.code}.pdf"


def response_pdf(response, questionnaire, question_values):
    """The PDF bytes of a submitted response, in the active language (raises
    idm.pdf.PdfUnavailable without WeasyPrint)."""
    html = render_to_string(
        "surveys/pdf/response.html", response_context(response, questionnaire, question_values)
    )
    return html_to_pdf(html)
