"""The secretariat's funding reports: the year's report (page, CSV, XLSX), the donor statement
of a contribution (page and PDF) and the report of an event after it was held.

All are for IOM staff (`funding.view_funding_report`): anonymous visitors are sent to log in,
everybody else is refused with the site's 403 page, before anything is looked up.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from funding import event_report as event_reports
from funding.chart import funding_chart
from funding.models import Contribution
from funding.report_export import report_rows
from funding.reports import contribution_statement, year_report
from idm import exports
from idm.models import Dialogue
from idm.pdf import pdf_response
from workshops.models import Event

REPORT_PERMISSION = "funding.view_funding_report"


def report_access(view):
    """Staff reports: log in first, then only those with the report permission."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied(_("Only the IDM secretariat can see this page."))
        return view(request, *args, **kwargs)

    return wrapped


def _report(year):
    dialogue = Dialogue.objects.select_related("programme_budget")
    return year_report(get_object_or_404(dialogue, year=year))


@require_safe
@report_access
def funding_report(request, year):
    report = _report(year)
    chart = funding_chart(
        report.funding,
        title=_("IDM %(year)s: budget, funded and spent per event") % {"year": year},
        description=_(
            "Three bars per event, in US dollars: its budget, the money that covers it and "
            "what its sponsored participants cost. The table below gives the same figures."
        ),
    )
    return render(
        request,
        "funding/report/year.html",
        {
            "report": report,
            "dialogue": report.dialogue,
            "chart": chart,
            "printed_at": timezone.localtime(),
        },
    )


@require_safe
@report_access
def funding_report_csv(request, year):
    report = _report(year)
    return exports.csv_response(report_rows(report), filename=f"idm-{year}-funding.csv")


@require_safe
@report_access
def funding_report_xlsx(request, year):
    report = _report(year)
    return exports.xlsx_response(
        report_rows(report),
        filename=f"idm-{year}-funding.xlsx",
        sheet_title=_("Funding %(year)s") % {"year": year},
    )


def _statement(pk):
    contribution = get_object_or_404(
        Contribution.objects.select_related("donor__member_state", "dialogue", "event"), pk=pk
    )
    return contribution_statement(contribution)


@require_safe
@report_access
def statement(request, pk):
    return render(
        request,
        "funding/statement/page.html",
        {"statement": _statement(pk), "printed_at": timezone.localtime()},
    )


@require_safe
@report_access
def statement_pdf(request, pk):
    statement = _statement(pk)
    return pdf_response(
        request,
        "funding/statement/pdf.html",
        {"statement": statement, "printed_at": timezone.localtime()},
        filename=f"idm-{statement.contribution.dialogue.year}-contribution-{pk}-statement.pdf",
    )


@require_safe
@report_access
def event_report(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("dialogue").prefetch_related("documents"), slug=slug
    )
    return render(
        request,
        "funding/event_report/page.html",
        {
            "report": event_reports.event_report(event),
            "event": event,
            "printed_at": timezone.localtime(),
        },
    )
