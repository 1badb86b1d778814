"""Delegates' pages: their state's surveys, the shared draft section by section, submission."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from surveys import services
from surveys import values as answer_values
from surveys.access import public_results_filter
from surveys.forms import (
    ReopenForm,
    post_as_dict,
    question_views,
    read_section,
)
from surveys.models import Response, Survey
from surveys.progress import response_progress
from surveys.review_forms import NotifyFocalPointForm
from surveys.services.review_notices import last_notice
from surveys.views.common import get_survey, state_response, visible_surveys


@require_safe
def survey_list(request):
    """Signed in: the published surveys with where the user's state's response stands. Anyone:
    the surveys whose results are public, linked to their results."""
    user = request.user
    if user.is_authenticated:
        surveys = visible_surveys(user)
    else:
        surveys = Survey.objects.select_related("dialogue").filter(public_results_filter())
    surveys = list(surveys.order_by("-opens_at", "-pk"))
    state = user.member_state if user.has_perm("idm.delegate") else None
    statuses = {}
    if state is not None:
        statuses = dict(
            Response.objects.filter(member_state=state).values_list("survey_id", "status")
        )
    rows = [
        {
            "survey": survey,
            "status": Response.Status(statuses[survey.pk]).label
            if survey.pk in statuses
            else _("Not started"),
        }
        for survey in surveys
    ]
    return render(request, "surveys/list.html", {"rows": rows, "state": state})


@login_required
@require_safe
def survey_start(request, pk):
    """A survey's entry: a delegate goes to their state's response, staff to the dashboard."""
    survey = get_survey(request, pk)
    if request.user.has_perm("surveys.manage_survey", survey):
        return redirect("surveys:dashboard", pk=survey.pk)
    if not request.user.has_perm("idm.delegate"):
        raise PermissionDenied(_("Only delegates of member states answer this survey."))
    return redirect("surveys:response", pk=survey.pk, code=request.user.member_state.code)


def section_url(survey, state, section):
    return reverse(
        "surveys:section",
        kwargs={"pk": survey.pk, "code": state.code, "position": section.position},
    )


def render_overview(request, ctx, *, reopen_form=None, notify_form=None, status=200):
    staff = request.user.has_perm("surveys.manage_survey", ctx.survey)
    return render(
        request,
        "surveys/overview.html",
        {
            "ctx": ctx,
            "survey": ctx.survey,
            "state": ctx.state,
            "response": ctx.response,
            "progress": response_progress(ctx.questionnaire, ctx.values),
            "reopen_form": reopen_form or ReopenForm(),
            "notify_form": notify_form or NotifyFocalPointForm(),
            "last_notice": last_notice(ctx.response),
            "history": ctx.response.history.select_related("history_user")[:20]
            if ctx.response and staff
            else [],
        },
        status=status,
    )


@login_required
@require_safe
def response_overview(request, pk, code):
    ctx = state_response(request, pk, code)
    return render_overview(request, ctx)


def render_section(request, ctx, section, *, shown_values=None, errors=None, status=200):
    views = question_views(
        section,
        ctx.questionnaire,
        ctx.values if shown_values is None else shown_values,
        answers=ctx.answers,
        errors=errors,
    )
    if not ctx.can_edit:
        for view in views:
            view.display_value = answer_values.display(view.question, ctx.values[view.question.pk])
    sections = ctx.questionnaire.sections
    index = sections.index(section)
    progress = response_progress(ctx.questionnaire, ctx.values)
    return render(
        request,
        "surveys/section.html",
        {
            "ctx": ctx,
            "survey": ctx.survey,
            "state": ctx.state,
            "section": section,
            "questions": views,
            "version": ctx.version,
            "previous_section": sections[index - 1] if index > 0 else None,
            "next_section": sections[index + 1] if index + 1 < len(sections) else None,
            "has_errors": bool(errors),
            "shown": ctx.questionnaire.visible(ctx.values),
            "progress": progress,
            "section_progress": progress.of(section),
        },
        status=status,
    )


def conflict_key(ctx, section):
    return f"surveys-conflict-{ctx.survey.pk}-{ctx.state.pk}-{section.pk}"


def conflict_url(ctx, section):
    return reverse(
        "surveys:conflict",
        kwargs={"pk": ctx.survey.pk, "code": ctx.state.code, "position": section.position},
    )


def field_errors(errors):
    return {f"q{question_id}": messages for question_id, messages in errors.items()}


def state_section(request, pk, code, position):
    ctx = state_response(request, pk, code)
    section = ctx.questionnaire.section_at(position)
    if section is None:
        raise Http404
    return ctx, section


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def section_page(request, pk, code, position):
    """A section of the state's draft; its form is a plain form post answered with a page
    (the background save has its own JSON endpoint: section_autosave)."""
    ctx, section = state_section(request, pk, code, position)
    if request.method != "POST":
        return render_section(request, ctx, section)
    if not ctx.can_edit:
        raise PermissionDenied(edit_refusal(ctx))
    return save_section(request, ctx, section)


def edit_refusal(ctx):
    if ctx.response is not None and ctx.response.is_submitted:
        return str(services.ResponseLocked.message)
    if not ctx.survey.is_accepting_answers():
        return str(services.SurveyNotOpen.message)
    if ctx.user.has_perm("surveys.manage_survey", ctx.survey):
        return _("IOM staff read responses; only the state's delegates change them.")
    if not ctx.is_member:
        return _("This survey is addressed to IOM member states.")
    return _("Your role lets you read your state's draft but not change it.")


@dataclass
class SaveOutcome:
    """What became of a posted section: saved (`response`), invalid (`raw` input and
    `errors`), in conflict (`conflict_url`) or refused (`refusal`)."""

    response: object = None
    raw: dict = None
    errors: dict = None
    conflict_url: str = ""
    refusal: object = None


def save_posted_section(request, ctx, section):
    """Check and save the section's posted answers (both endpoints)."""
    raw, cleaned, errors = read_section(section, request.POST)
    if errors:
        return SaveOutcome(raw=raw, errors=errors)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        response = services.save_answers(
            survey=ctx.survey,
            member_state=ctx.state,
            values=cleaned,
            expected_version=version,
            actor=request.user,
            questionnaire=ctx.questionnaire,
        )
    except services.StaleVersion as error:
        request.session[conflict_key(ctx, section)] = {
            "post": post_as_dict(request.POST),
            "changed": sorted(error.changed_question_ids),
        }
        return SaveOutcome(conflict_url=conflict_url(ctx, section))
    except services.AnswersInvalid as error:
        return SaveOutcome(raw=raw, errors=error.errors)
    except services.SurveyError as error:
        return SaveOutcome(refusal=error)
    request.session.pop(conflict_key(ctx, section), None)
    return SaveOutcome(response=response)


def save_section(request, ctx, section):
    outcome = save_posted_section(request, ctx, section)
    if outcome.conflict_url:
        return redirect(outcome.conflict_url)
    if outcome.refusal is not None:
        raise PermissionDenied(outcome.refusal.message) from outcome.refusal
    if outcome.errors:
        return render_section(
            request, ctx, section, shown_values=outcome.raw, errors=outcome.errors, status=400
        )
    messages.success(request, _("Section “%(title)s” saved.") % {"title": section.title})
    sections = ctx.questionnaire.sections
    index = sections.index(section)
    if "save_next" in request.POST and index + 1 < len(sections):
        return redirect(section_url(ctx.survey, ctx.state, sections[index + 1]))
    if "save_next" in request.POST:
        return redirect("surveys:review", pk=ctx.survey.pk, code=ctx.state.code)
    return redirect(section_url(ctx.survey, ctx.state, section))


@require_POST
def section_autosave(request, pk, code, position):
    """The background save of a section (surveys/survey.js posts the section's form). Answers
    JSON: 200 {version, saved_at}; 400 {errors: {field: [messages]}, message}; 409
    {conflict_url, message} when a colleague saved meanwhile; 403 {message} when refused."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"message": _("You are no longer logged in. Log in again, then save.")}, status=403
        )
    ctx, section = state_section(request, pk, code, position)
    if not ctx.can_edit:
        return JsonResponse({"message": edit_refusal(ctx)}, status=403)
    outcome = save_posted_section(request, ctx, section)
    if outcome.conflict_url:
        return JsonResponse(
            {
                "conflict_url": outcome.conflict_url,
                "message": str(services.StaleVersion.message),
            },
            status=409,
        )
    if outcome.refusal is not None:
        return JsonResponse({"message": str(outcome.refusal.message)}, status=403)
    if outcome.errors:
        return JsonResponse(
            {
                "errors": field_errors(outcome.errors),
                "message": str(services.AnswersInvalid.message),
            },
            status=400,
        )
    return JsonResponse(
        {
            "version": outcome.response.version,
            "saved_at": date_format(timezone.localtime(), "DATETIME_FORMAT"),
        }
    )


def stored_conflict(request, ctx, section):
    """(the editor's input as a QueryDict, ids of the questions a colleague changed), or None."""
    stored = request.session.get(conflict_key(ctx, section))
    if stored is None:
        return None
    if "post" not in stored:  # kept by an earlier version of this page: the input only
        stored = {"post": stored, "changed": []}
    post = QueryDict(mutable=True)
    for key, items in stored["post"].items():
        post.setlist(key, items)
    return post, set(stored["changed"])


@login_required
@require_safe
def conflict_page(request, pk, code, position):
    """Both versions side by side: the colleague's (saved) and yours (kept, not saved yet);
    the questions the colleague changed are highlighted."""
    ctx, section = state_section(request, pk, code, position)
    conflict = stored_conflict(request, ctx, section)
    if conflict is None:
        return redirect(section_url(ctx.survey, ctx.state, section))
    post, changed = conflict
    raw, cleaned, _errors = read_section(section, post)
    rows = []
    for question in section.questions.all():
        theirs = ctx.values[question.pk]
        yours = cleaned.get(question.pk, answer_values.empty_value(question))
        rows.append(
            {
                "number": ctx.questionnaire.numbers[question.pk],
                "question": question,
                "theirs": answer_values.display(question, theirs),
                "yours": answer_values.display(question, yours),
                "differs": not answer_values.same_value(question, theirs, yours),
                "changed_by_colleague": question.pk in changed,
                "answer": ctx.answers.get(question.pk),
            }
        )
    views = question_views(
        section, ctx.questionnaire, raw, answers=ctx.answers, changed_by_colleague=changed
    )
    return render(
        request,
        "surveys/conflict.html",
        {
            "ctx": ctx,
            "survey": ctx.survey,
            "state": ctx.state,
            "section": section,
            "rows": rows,
            "questions": views,
            "version": ctx.version,
        },
        status=409,
    )


@login_required
@require_POST
def reopen(request, pk, code):
    ctx = state_response(request, pk, code)
    if not request.user.has_perm("surveys.manage_survey", ctx.survey):
        raise PermissionDenied
    if ctx.response is None:
        raise Http404
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return render_overview(request, ctx, reopen_form=form, status=400)
    try:
        services.reopen_response(
            response=ctx.response, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except services.SurveyError as error:
        form.add_error("reason", error.message)
        return render_overview(request, ctx, reopen_form=form, status=400)
    messages.success(request, _("The response is open again for the state's delegates."))
    return redirect("surveys:response", pk=ctx.survey.pk, code=ctx.state.code)
