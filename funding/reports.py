"""What the secretariat's funding reports show, computed once for the page, the chart, the
spreadsheets, the donor statements and the event reports.

Every money figure comes from THE allocation (`funding.allocation.allocate`), which also
reads the budget lines and the sponsorships per region; the reports only add the programme
budget, so their number of queries does not grow with the number of events, contributions
or participants.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from funding.allocation import ZERO, allocate
from funding.currencies import to_cents
from funding.models import ProgrammeBudget
from idm.models import Region

NO_REGION = "none"
NO_REGION_LABEL = _("No state (organizations)")


@dataclass
class RegionRow:
    """Approved sponsorships of participants from one region: how many, and their cost."""

    region: str
    label: str
    count: int = 0
    amount_usd: Decimal = ZERO


@dataclass
class SponsorshipsByRegion:
    """Approved sponsorships per event and region (one aggregate query)."""

    cells: dict = field(default_factory=dict)  # (event pk, region) -> RegionRow

    def rows(self, event_pks=None):
        """Rows per region (UN M49 order, organizations last), summed over `event_pks`
        (all events when None); regions without a sponsorship are left out."""
        totals = {}
        for (event_pk, region), cell in self.cells.items():
            if event_pks is not None and event_pk not in event_pks:
                continue
            row = totals.setdefault(region, RegionRow(region=region, label=cell.label))
            row.count += cell.count
            row.amount_usd += cell.amount_usd
        order = [value for value, _label in Region.choices] + [NO_REGION]
        return [totals[region] for region in order if region in totals]

    def total(self, event_pks=None):
        rows = self.rows(event_pks)
        return RegionRow(
            region="total",
            label=str(_("Total")),
            count=sum(row.count for row in rows),
            amount_usd=sum((row.amount_usd for row in rows), ZERO),
        )


def sponsorships_by_region(funding):
    """Approved sponsorships at the events of `funding` (a YearFunding, which read them), per
    event and per region of the state the participant represents (participants of
    organizations under NO_REGION)."""
    labels = dict(Region.choices)
    result = SponsorshipsByRegion()
    for row in funding.sponsorships:
        region = row["region"] or NO_REGION
        label = labels.get(region, NO_REGION_LABEL)
        result.cells[(row["event"], region)] = RegionRow(
            region=region, label=str(label), count=row["count"], amount_usd=row["amount_usd"]
        )
    return result


@dataclass
class YearReport:
    """The funding report of a dialogue year."""

    dialogue: object
    funding: object  # funding.allocation.YearFunding
    programme_budget: object  # ProgrammeBudget or None
    sponsorships: SponsorshipsByRegion
    has_demo_figures: bool = False  # a budget of the year is a demo figure of the seed

    @property
    def regions(self):
        return self.sponsorships.rows()

    @property
    def regions_total(self):
        return self.sponsorships.total()

    @property
    def unprogrammed(self):
        """The programme budget beyond the events' budgets (None without a programme
        budget): what the year's programme needs besides its events."""
        if self.programme_budget is None:
            return None
        return self.programme_budget.amount_usd - self.funding.budget


def year_report(dialogue):
    funding = allocate(dialogue)
    try:  # read with the dialogue where the caller selected it (the report's views do)
        programme_budget = dialogue.programme_budget
    except ProgrammeBudget.DoesNotExist:
        programme_budget = None
    demo = (
        programme_budget is not None and programme_budget.is_demo
    ) or funding.has_demo_budget_lines
    return YearReport(
        dialogue=dialogue,
        funding=funding,
        programme_budget=programme_budget,
        sponsorships=sponsorships_by_region(funding),
        has_demo_figures=demo,
    )


@dataclass
class StatementLine:
    """One line of a donor statement: an event the contribution pays for (or the part of it
    on no event), in USD and in the contribution's own currency."""

    event: object  # None for the part on no event
    kind_label: str
    amount_usd: Decimal
    amount: Decimal = ZERO  # in the contribution's currency
    event_funding: object = None  # EventFunding of the event
    regions: list = field(default_factory=list)  # RegionRow of its sponsored participants


@dataclass
class Statement:
    contribution: object
    funding: object  # YearFunding of the contribution's year
    lines: list
    sponsorships: SponsorshipsByRegion

    @property
    def events(self):
        return [line.event for line in self.lines if line.event is not None]

    @property
    def event_pks(self):
        return {event.pk for event in self.events}

    @property
    def regions(self):
        return self.sponsorships.rows(self.event_pks)

    @property
    def regions_total(self):
        return self.sponsorships.total(self.event_pks)


def in_original_currency(contribution, amounts_usd):
    """`amounts_usd` (which add up to the contribution's USD amount) converted back at the
    recorded rate, to the cent; the last takes the rounding so that they add up exactly to
    the contribution's amount."""
    converted = [to_cents(usd / contribution.rate_to_usd) for usd in amounts_usd[:-1]]
    return [*converted, contribution.amount - sum(converted, ZERO)] if amounts_usd else []


def contribution_statement(contribution):
    """What `contribution` pays for, derived from its year's allocation: the events it covers
    (earmarked, by hand, automatically), the part on no event, and the sponsored participants
    per region at those events."""
    funding = allocate(contribution.dialogue)
    shares = funding.shares_of(contribution)
    lines = [
        StatementLine(
            event=share.event,
            kind_label=str(share.kind_label),
            amount_usd=share.amount_usd,
            event_funding=funding.for_event(share.event),
        )
        for share in shares
    ]
    unspent = funding.unspent_of(contribution)
    if unspent > 0:
        label = (
            _("Earmarked to an event since cancelled: held until staff move it")
            if contribution.event_id is not None
            else _("Not yet needed by any event: the year's unearmarked balance")
        )
        lines.append(StatementLine(event=None, kind_label=str(label), amount_usd=unspent))
    for line, amount in zip(
        lines, in_original_currency(contribution, [line.amount_usd for line in lines]), strict=True
    ):
        line.amount = amount
    sponsorships = sponsorships_by_region(funding)
    for line in lines:
        if line.event is not None:
            line.regions = sponsorships.rows({line.event.pk})
    return Statement(
        contribution=contribution, funding=funding, lines=lines, sponsorships=sponsorships
    )
