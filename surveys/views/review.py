"""The review page (every answer, the missing ones flagged), the confirmed submission, and a
contributor's "the draft is ready for your review" notice to the focal point."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from surveys import services
from surveys import values as answer_values
from surveys.progress import response_progress
from surveys.review_forms import ConfirmSubmitForm, NotifyFocalPointForm
from surveys.services.review_notices import NoticeRefused, last_notice, notify_focal_point
from surveys.views.common import state_response
from surveys.views.respond import render_overview


@dataclass
class ReviewRow:
    number: int
    question: object
    value: str
    problem: str  # why the submission would refuse this answer, or ""
    url: str  # where to answer it


def question_url(ctx, question):
    """The question on its section page."""
    position = next(s.position for s in ctx.questionnaire.sections if s.pk == question.section_id)
    url = reverse(
        "surveys:section",
        kwargs={"pk": ctx.survey.pk, "code": ctx.state.code, "position": position},
    )
    return f"{url}#question-{question.pk}"


def review_sections(ctx, progress):
    """[(SectionProgress, [ReviewRow])] of the questions shown, in questionnaire order."""
    shown = ctx.questionnaire.visible(ctx.values)
    problems = {question.pk: message for question, message in progress.overall.missing}
    return [
        (
            item,
            [
                ReviewRow(
                    number=ctx.questionnaire.numbers[question.pk],
                    question=question,
                    value=answer_values.display(question, ctx.values[question.pk]),
                    problem=problems.get(question.pk, ""),
                    url=question_url(ctx, question),
                )
                for question in item.section.questions.all()
                if question.pk in shown
            ],
        )
        for item in progress.sections
    ]


def render_review(request, ctx, *, confirm_form=None, notify_form=None, refused=False, status=200):
    progress = response_progress(ctx.questionnaire, ctx.values)
    return render(
        request,
        "surveys/review.html",
        {
            "ctx": ctx,
            "survey": ctx.survey,
            "state": ctx.state,
            "response": ctx.response,
            "progress": progress,
            "sections": review_sections(ctx, progress),
            "missing": [
                (
                    ctx.questionnaire.numbers[question.pk],
                    question,
                    message,
                    question_url(ctx, question),
                )
                for question, message in progress.overall.missing
            ],
            "refused": refused,
            "confirm_form": confirm_form
            or ConfirmSubmitForm(initial={"version": ctx.version}, state=ctx.state),
            "notify_form": notify_form or NotifyFocalPointForm(),
            "last_notice": last_notice(ctx.response),
        },
        status=status,
    )


@login_required
@require_safe
def review(request, pk, code):
    """Every answer of the state's response before submission; the missing ones flagged."""
    ctx = state_response(request, pk, code)
    return render_review(request, ctx)


@login_required
@require_POST
def submit(request, pk, code):
    """The focal point submits after ticking the confirmation; the submission service checks
    and locks the response and sends the receipt."""
    ctx = state_response(request, pk, code)
    form = ConfirmSubmitForm(request.POST, state=ctx.state)
    confirmed = form.is_valid()
    if ctx.can_submit and not confirmed:
        return render_review(request, ctx, confirm_form=form, status=400)
    try:
        services.submit_response(
            survey=ctx.survey,
            member_state=ctx.state,
            actor=request.user,
            expected_version=form.cleaned_data["version"] if confirmed else None,
        )
    except services.MissingAnswers:
        return render_review(request, ctx, confirm_form=form, refused=True, status=400)
    except services.StaleVersion:
        messages.warning(
            request,
            _("A colleague changed the draft after you opened this page. Check it, then submit."),
        )
        return redirect("surveys:review", pk=ctx.survey.pk, code=ctx.state.code)
    except services.AlreadySubmitted as error:
        messages.info(request, error.message)
    except services.NotAllowed:
        raise PermissionDenied(
            _("Only your state's focal point can submit the response.")
        ) from None
    except services.SurveyError as error:
        raise PermissionDenied(error.message) from error
    else:
        messages.success(
            request,
            _("Submitted. A receipt with a copy of the answers was emailed to your delegation."),
        )
    return redirect("surveys:response", pk=ctx.survey.pk, code=ctx.state.code)


@login_required
@require_POST
def notify(request, pk, code):
    """A contributor tells the focal point(s) that the draft is ready for their review."""
    ctx = state_response(request, pk, code)
    if not request.user.has_perm("surveys.notify_focal_point", ctx):
        raise PermissionDenied(notify_refusal(ctx))
    form = NotifyFocalPointForm(request.POST)
    if not form.is_valid():
        return render_overview(request, ctx, notify_form=form, status=400)
    try:
        notice = notify_focal_point(
            survey=ctx.survey,
            member_state=ctx.state,
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except NoticeRefused as error:
        form.add_error(None, error.message)
        return render_overview(request, ctx, notify_form=form, status=400)
    except services.SurveyError as error:
        raise PermissionDenied(error.message) from error
    messages.success(
        request,
        _("Your focal point (%(recipients)s) was told that the draft is ready for review.")
        % {"recipients": ", ".join(notice.recipients)},
    )
    return redirect("surveys:response", pk=ctx.survey.pk, code=ctx.state.code)


def notify_refusal(ctx):
    if ctx.response is not None and ctx.response.is_submitted:
        return str(services.ResponseLocked.message)
    if not ctx.survey.is_accepting_answers():
        return str(services.SurveyNotOpen.message)
    if ctx.response is None:
        return str(NoticeRefused.no_draft)
    return _("Only your state's contributors tell the focal point that the draft is ready.")
