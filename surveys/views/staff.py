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
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from idm import exports
from idm.models import MemberState, Region
from idm.page_cache import cached_public_page
from surveys import services
from surveys.exports import csv_response, xlsx_response
from surveys.forms import AdoptThemeForm, CategoryForm, RegionForm
from surveys.models import Response, Survey
from surveys.results import compute_results
from surveys.services.staff import default_theme_year, focal_points_to_remind, theme_question
from surveys.views.common import get_survey, visible_surveys


def staff_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("surveys.manage_survey"):
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
    """Response rate: per member state not started / draft / submitted, grouped by region.
    An event's evaluation has its own page (participants, not states, answer it)."""
    survey = get_survey(request, pk)
    if survey.is_evaluation:
        if survey.event_id:
            return redirect("surveys:event-evaluation", slug=survey.event.slug)
        return redirect("admin:surveys_survey_change", survey.pk)
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
            "to_remind": focal_points_to_remind(survey) if survey.is_accepting_answers() else [],
            "regions": regions,
            "totals": totals,
            "state_count": state_count,
            "submitted_percent": round(100 * totals["submitted"] / state_count)
            if state_count
            else 0,
        },
    )


@staff_only
@require_http_methods(["GET", "HEAD", "POST"])
def remind(request, pk):
    """GET: whom the reminder would reach, to confirm; POST: email it."""
    survey = get_survey(request, pk)
    if request.method != "POST":
        return render(
            request,
            "surveys/remind_confirm.html",
            {
                "survey": survey,
                "to_remind": focal_points_to_remind(survey)
                if survey.is_accepting_answers()
                else [],
            },
        )
    try:
        sent = services.remind_focal_points(survey=survey, actor=request.user)
    except services.SurveyError as error:
        messages.error(request, error.message)
    else:
        if sent:
            messages.success(
                request,
                _("Reminder emailed to %(count)d focal points of states that have not submitted.")
                % {"count": sent},
            )
        else:
            messages.info(
                request,
                _(
                    "Nobody to remind: every member state has submitted, or those that have not "
                    "have no focal point on the portal."
                ),
            )
    return redirect("surveys:dashboard", pk=survey.pk)


@require_safe
@cached_public_page  # for anonymous visitors: the results of a closed public survey
def results(request, pk):
    """Aggregate results; staff always, everyone once a public survey has closed."""
    survey = visible_surveys(request.user).filter(pk=pk).first()
    if survey is None or not request.user.has_perm("surveys.view_results", survey):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if survey is None:
            raise Http404
        raise PermissionDenied(_("The results of this survey are not public."))
    region_form = RegionForm(request.GET)
    region = region_form.chosen_region()
    category_form = CategoryForm(request.GET) if survey.is_evaluation else None
    category = category_form.chosen_category() if category_form else ""
    staff = request.user.has_perm("surveys.manage_survey", survey)
    survey_results = compute_results(
        survey,
        region=region,
        category=category,
        include_text_sources=staff and not survey.is_evaluation,
    )
    theme = theme_question(survey) if survey.kind == Survey.Kind.THEME_SELECTION else None
    theme_year = default_theme_year(survey) if theme else None
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": survey_results,
            "region_form": region_form,
            "region": region,
            "category_form": category_form,
            "theme_question": theme,
            "theme_year": theme_year,
            "adopt_form": AdoptThemeForm(initial={"year": theme_year}),
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
