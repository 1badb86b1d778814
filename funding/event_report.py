"""The report of one event for the secretariat, after the workshop: who came (by category and
region, confirmed against attended), whom IOM sponsored, the documents and the money (budget,
funded, gap, spent). A fixed number of queries whatever the number of participants."""

from dataclasses import dataclass

from funding.allocation import ZERO, allocate
from funding.models import BudgetLine, Sponsorship
from funding.reports import NO_REGION, NO_REGION_LABEL, RegionRow
from idm.models import Region
from workshops.models import Registration
from workshops.participants import attendance_counts, protocol_order_key, registration_counts


@dataclass
class EventReport:
    event: object
    attendance: dict  # workshops.participants.attendance_counts
    statuses: list  # [{"label", "count"}] per registration status, in the model's order
    sponsored: list  # approved Sponsorships, participants in protocol order
    sponsored_regions: list  # RegionRow per region
    funding: object  # EventFunding, None for a cancelled event (outside the allocation)
    budget_lines: list

    @property
    def registrations_total(self):
        return sum(row["count"] for row in self.statuses)

    @property
    def sponsored_attended(self):
        return sum(
            1
            for sponsorship in self.sponsored
            if sponsorship.registration.status == Registration.Status.ATTENDED
        )

    @property
    def sponsored_total(self):
        return sum((sponsorship.amount_usd for sponsorship in self.sponsored), ZERO)


def registration_statuses(counts):
    """(value, label, count) of each status, from the rows of registration_counts(event)."""
    totals = {}
    for row in counts:
        totals[row["status"]] = totals.get(row["status"], 0) + row["count"]
    return [
        {"value": value, "label": label, "count": totals[value]}
        for value, label in Registration.Status.choices
        if totals.get(value)
    ]


def approved_sponsorships(event):
    sponsorships = {
        sponsorship.registration_id: sponsorship
        for sponsorship in Sponsorship.objects.filter(
            registration__event=event, status=Sponsorship.Status.APPROVED
        ).select_related("registration__member_state")
    }
    registrations = [sponsorship.registration for sponsorship in sponsorships.values()]
    ordered = sorted(registrations, key=protocol_order_key)
    return [sponsorships[registration.pk] for registration in ordered]


def regions_of(sponsorships):
    labels = dict(Region.choices)
    rows = {}
    for sponsorship in sponsorships:
        state = sponsorship.registration.member_state
        region = state.region if state else NO_REGION
        row = rows.setdefault(
            region, RegionRow(region=region, label=str(labels.get(region, NO_REGION_LABEL)))
        )
        row.count += 1
        row.amount_usd += sponsorship.amount_usd
    order = [value for value, _label in Region.choices] + [NO_REGION]
    return [rows[region] for region in order if region in rows]


def event_report(event):
    funding = None
    if event.status != event.Status.CANCELLED:
        funding = allocate(event.dialogue).for_event(event)
    sponsored = approved_sponsorships(event)
    counts = registration_counts(event)
    return EventReport(
        event=event,
        attendance=attendance_counts(event, counts),
        statuses=registration_statuses(counts),
        sponsored=sponsored,
        sponsored_regions=regions_of(sponsored),
        funding=funding,
        budget_lines=list(BudgetLine.objects.filter(event=event).order_by("category")),
    )
