"""Staff pages of a survey: response rate, reminders, results, exports, theme adoption."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from idm import exports
from idm.models import MemberState, Region
from idm.permissions import is_staff
from surveys import services
from surveys.access import results_visible
from surveys.exports import csv_response, xlsx_response
from surveys.forms import AdoptThemeForm
from surveys.models import Question, Response, Survey
from surveys.results import compute_results
from surveys.services.staff import default_theme_year, theme_question
from surveys.views.common import get_survey


def staff_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied(_("Only IOM staff can see this page."))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def states_with_status(survey):
    """Every IOM member state with its response's status, version and date (one query)."""
    responses = Response.objects.filter(survey=survey, member_state=OuterRef("pk"))
    return (
        MemberState.objects.filter(membership=MemberState.Membership.MEMBER)
        .annotate(
            response_status=Subquery(responses.values("status")[:1]),
            response_updated=Subquery(responses.values("updated_at")[:1]),
            response_submitted=Subquery(responses.values("submitted_at")[:1]),
        )
        .order_by("region", "name")
    )


STATUS_ORDER = ["not_started", Response.Status.DRAFT, Response.Status.SUBMITTED]


@staff_only
@require_safe
def dashboard(request, pk):
    """Response rate: per member state not started / draft / submitted, grouped by region."""
    survey = get_survey(request, pk)
    regions = []
    totals = dict.fromkeys(STATUS_ORDER, 0)
    for region, states in groupby(states_with_status(survey), key=lambda s: s.region):
        states = list(states)
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for state in states:
            counts[state.response_status or "not_started"] += 1
            totals[state.response_status or "not_started"] += 1
        regions.append(
            {"region": Region(region).label, "states": states, "counts": counts, "code": region}
        )
    state_count = sum(totals.values())
    return render(
        request,
        "surveys/dashboard.html",
        {
            "survey": survey,
            "regions": regions,
            "totals": totals,
            "state_count": state_count,
            "submitted_percent": round(100 * totals["submitted"] / state_count)
            if state_count
            else 0,
        },
    )


@staff_only
@require_POST
def remind(request, pk):
    survey = get_survey(request, pk)
    try:
        sent = services.remind_focal_points(survey=survey, actor=request.user)
    except services.SurveyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Reminder emailed to %(count)d focal points of states that have not submitted.")
            % {"count": sent},
        )
    return redirect("surveys:dashboard", pk=survey.pk)


@require_safe
def results(request, pk):
    """Aggregate results; staff always, everyone once a public survey has closed."""
    survey = Survey.objects.published().filter(pk=pk).first() or (
        get_survey(request, pk) if is_staff(request.user) else None
    )
    if survey is None or not results_visible(request.user, survey):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if survey is None:
            raise Http404
        raise PermissionDenied(_("The results of this survey are not public."))
    region = request.GET.get("region", "")
    if region not in Region.values:
        region = ""
    staff = is_staff(request.user)
    survey_results = compute_results(survey, region=region, include_text_sources=staff)
    theme = theme_question(survey) if survey.kind == Survey.Kind.THEME_SELECTION else None
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": survey_results,
            "regions": Region.choices,
            "region": region,
            "is_staff": staff,
            "theme_question": theme,
            "theme_year": default_theme_year(survey) if theme else None,
            "kinds": Question.Kind,
        },
    )


@staff_only
@require_POST
def adopt_theme(request, pk):
    survey = get_survey(request, pk)
    form = AdoptThemeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a dialogue year between 2001 and 2100."))
        return redirect("surveys:results", pk=survey.pk)
    try:
        adoption = services.adopt_winning_theme(
            survey=survey, actor=request.user, year=form.cleaned_data["year"]
        )
    except services.SurveyError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(theme)s” is now the overarching theme of IDM %(year)s.")
            % {"theme": adoption.option.text, "year": adoption.dialogue.year},
        )
    return redirect("surveys:results", pk=survey.pk)


@staff_only
@require_safe
def export(request, pk, file_format):
    """All responses, one row each, one column per question (or option); ?lang=en|fr|es."""
    survey = get_survey(request, pk)
    language = exports.export_language(request)
    if file_format == "xlsx":
        return xlsx_response(survey, language=language)
    return csv_response(survey, language=language)
