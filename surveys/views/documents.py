"""Printable survey documents: the blank questionnaire (anyone who may see the survey) and a
state's submitted response (its delegates and staff)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.views.decorators.http import require_safe

from idm.pdf import pdf_response
from surveys.pdfs import (
    blank_questionnaire_context,
    questionnaire_filename,
    response_context,
    response_filename,
)
from surveys.structure import load_questionnaire
from surveys.views.common import get_survey, state_response


@login_required
@require_safe
def questionnaire_pdf(request, pk):
    """The questionnaire to print and circulate to ministries, nothing filled in."""
    survey = get_survey(request, pk)
    return pdf_response(
        request,
        "surveys/pdf/questionnaire.html",
        blank_questionnaire_context(load_questionnaire(survey)),
        filename=questionnaire_filename(survey),
    )


@login_required
@require_safe
def response_pdf(request, pk, code):
    """The submitted response as the receipt email attaches it."""
    ctx = state_response(request, pk, code)
    if not request.user.has_perm("surveys.view_response_pdf", ctx):
        raise Http404
    return pdf_response(
        request,
        "surveys/pdf/response.html",
        response_context(ctx.response, ctx.questionnaire, ctx.values),
        filename=response_filename(ctx.response),
    )
