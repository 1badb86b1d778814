"""The rows of the funding report's spreadsheets (CSV and XLSX through idm.exports).

One sheet in four blocks separated by an empty row, each with its own header row: the events
(budget, funded, spent), the contributions (original currency, rate, USD), the year's totals
(unearmarked balance, surplus) and the sponsorships per region. Money cells are Decimals (numbers
in the spreadsheet, exact in CSV); text cells are made safe by the export helper.
"""

from django.utils.translation import gettext as _

from funding.allocation import ZERO
from funding.currencies import REPORTING_CURRENCY


def _date(value):
    return value.isoformat() if value else ""


def _total(events, name):
    return sum((getattr(item, name) for item in events), ZERO)


def _yes_no(value):
    return _("Yes") if value else _("No")


def report_rows(report):
    """The funding report (funding.reports.YearReport) as spreadsheet rows."""
    funding = report.funding
    year = report.dialogue.year
    yield [
        _("IDM %(year)s funding report") % {"year": year},
        _("Reporting currency"),
        REPORTING_CURRENCY,
    ]
    yield []
    yield [_("Events")]
    yield [
        _("Event"),
        _("Start date"),
        _("End date"),
        _("Funding status"),
        _("Budget (USD)"),
        _("Earmarked (USD)"),
        _("Allocated by hand (USD)"),
        _("Allocated automatically (USD)"),
        _("Funded (USD)"),
        _("Gap (USD)"),
        _("Surplus (USD)"),
        _("Spent on sponsored participants (USD)"),
        _("Percent funded"),
    ]
    for item in funding.events:
        event = item.event
        yield [
            event.title,
            _date(event.start_date),
            _date(event.last_day),
            str(item.status_label),
            item.budget,
            item.earmarked,
            item.allocated_by_hand,
            item.allocated_automatically,
            item.funded,
            item.gap,
            item.surplus,
            item.spent_on_sponsorships,
            "" if item.percent_funded is None else item.percent_funded,
        ]
    yield [
        _("Total"),
        "",
        "",
        "",
        funding.budget,
        _total(funding.events, "earmarked"),
        _total(funding.events, "allocated_by_hand"),
        _total(funding.events, "allocated_automatically"),
        funding.funded,
        funding.gap,
        _total(funding.events, "surplus"),
        funding.spent,
        "",
    ]
    yield []
    yield [_("Contributions")]
    yield [
        _("Donor"),
        _("Earmarked for"),
        _("Status"),
        _("Pledged on"),
        _("Received on"),
        _("Amount"),
        _("Currency"),
        _("Rate to USD"),
        _("Date of the rate"),
        _("Amount (USD)"),
        _("Agreement reference"),
        _("Public"),
    ]
    for contribution in funding.contributions:
        yield [
            contribution.donor.display_name,
            contribution.event.title if contribution.event_id else _("Unearmarked"),
            contribution.get_status_display(),
            _date(contribution.pledged_on),
            _date(contribution.received_on),
            contribution.amount,
            contribution.currency,
            contribution.rate_to_usd,
            _date(contribution.rate_date),
            contribution.amount_usd,
            contribution.agreement_reference,
            _yes_no(contribution.is_public),
        ]
    yield [_("Total"), "", "", "", "", "", "", "", "", funding.total_contributions, "", ""]
    yield []
    yield [_("Year"), _("Amount (USD)")]
    if report.programme_budget is not None:
        yield [_("Programme budget"), report.programme_budget.amount_usd]
    yield [_("Budget of the events"), funding.budget]
    yield [_("Funded"), funding.funded]
    yield [_("Gap"), funding.gap]
    yield [_("Unearmarked contributions"), funding.unearmarked_total]
    yield [_("Unearmarked balance"), funding.unearmarked_balance]
    yield [_("Earmarked to cancelled events"), funding.stranded]
    yield [_("Surplus"), funding.surplus]
    yield [_("Spent on sponsored participants"), funding.spent]
    yield []
    yield [_("Sponsored participants per region")]
    yield [_("Region"), _("Approved sponsorships"), _("Amount (USD)")]
    for row in report.regions:
        yield [row.label, row.count, row.amount_usd]
    total = report.regions_total
    yield [_("Total"), total.count, total.amount_usd]
