"""How a dialogue year's money covers its events: the one place that decides it.

Earmarked money covers its event. Staff may put unearmarked money on events by hand
(ManualAllocation); what remains of it goes to the year's events in date order, each up to its
gap, the contributions pledged first being spent first. Nothing is lost: money beyond an
event's budget is that event's surplus, and unearmarked money no event needs is the year's
unearmarked balance. Every figure is an exact Decimal in USD (the recorded rates), computed
from four queries whatever the number of events (events with their budget lines' totals,
sponsorships per event and region, contributions, allocations by hand). Each event also
records which contribution paid how much of it (`shares`): what a donor statement shows. The
approved sponsorships per event and region come with it, so that the reports need no query of
their own for them.
"""

from collections import defaultdict, deque
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from funding.currencies import REPORTING_CURRENCY
from funding.models import BudgetLine, Contribution, ManualAllocation, Sponsorship
from workshops.models import Event

ZERO = Decimal("0.00")


class FundingStatus:
    """The computed funding status (the API's `status`)."""

    SUBJECT_TO_FUNDING = "subject_to_funding"
    FUNDED = "funded"
    NOT_BUDGETED = "not_budgeted"

    LABELS = {
        SUBJECT_TO_FUNDING: _("Subject to available funding"),
        FUNDED: _("Funded"),
        NOT_BUDGETED: _("No budget"),
    }


class ShareKind:
    """How a contribution's money reached an event."""

    EARMARKED = "earmarked"
    BY_HAND = "by_hand"
    AUTOMATIC = "automatic"

    LABELS = {
        EARMARKED: _("Earmarked"),
        BY_HAND: _("Allocated by hand"),
        AUTOMATIC: _("Allocated automatically"),
    }


@dataclass
class ContributionShare:
    """`amount_usd` of `contribution` pays for `event` (earmarked, by hand or automatically)."""

    contribution: object
    event: Event
    amount_usd: Decimal
    kind: str

    @property
    def kind_label(self):
        return ShareKind.LABELS[self.kind]


@dataclass
class EventFunding:
    event: Event
    budget: Decimal = ZERO
    sponsorship_budget: Decimal = ZERO
    earmarked: Decimal = ZERO
    allocated_by_hand: Decimal = ZERO
    allocated_automatically: Decimal = ZERO
    spent_on_sponsorships: Decimal = ZERO
    contributions: list = field(default_factory=list)  # earmarked Contribution rows
    shares: list = field(default_factory=list)  # ContributionShare: whose money funds it
    # (Contribution, USD) put on this event by hand from unearmarked money
    allocations_by_hand: list = field(default_factory=list)
    demo_budget: bool = False  # some budget line is a demo figure (the seed's)

    @property
    def funded(self):
        return self.earmarked + self.allocated_by_hand + self.allocated_automatically

    @property
    def gap(self):
        return max(self.budget - self.funded, ZERO)

    @property
    def surplus(self):
        return max(self.funded - self.budget, ZERO)

    @property
    def percent_funded(self):
        """0–100, whole percent rounded down (100 only when fully covered)."""
        if self.budget <= 0:
            return None
        return min(int(self.funded * 100 // self.budget), 100)

    @property
    def status(self):
        if self.budget <= 0:
            return FundingStatus.NOT_BUDGETED
        return FundingStatus.FUNDED if self.gap == 0 else FundingStatus.SUBJECT_TO_FUNDING

    @property
    def status_label(self):
        return FundingStatus.LABELS[self.status]

    @property
    def sponsorship_remaining(self):
        """What the sponsored-participants line still allows approvals to commit."""
        return max(self.sponsorship_budget - self.spent_on_sponsorships, ZERO)


@dataclass
class YearFunding:
    dialogue: object
    events: list  # EventFunding, in date order
    contributions: list  # every Contribution of the year, with donor and event
    currency: str = REPORTING_CURRENCY
    unearmarked_total: Decimal = ZERO
    unearmarked_balance: Decimal = ZERO  # unearmarked money no event needs (surplus)
    stranded: Decimal = ZERO  # earmarked to an event since cancelled
    # Approved sponsorships per event and region of the participant's state (None: an
    # organization's participant): {"event", "region", "count", "amount_usd"} rows.
    sponsorships: list = field(default_factory=list)

    @property
    def has_demo_budget_lines(self):
        return any(item.demo_budget for item in self.events)

    def for_event(self, event):
        for item in self.events:
            if item.event.pk == event.pk:
                return item
        raise KeyError(event.pk)

    @property
    def budget(self):
        return sum((item.budget for item in self.events), ZERO)

    @property
    def funded(self):
        return sum((item.funded for item in self.events), ZERO)

    @property
    def gap(self):
        return sum((item.gap for item in self.events), ZERO)

    @property
    def surplus(self):
        """Money beyond what the events need: events' surpluses and the unearmarked balance."""
        events_surplus = sum((item.surplus for item in self.events), ZERO)
        return events_surplus + self.unearmarked_balance + self.stranded

    @property
    def spent(self):
        return sum((item.spent_on_sponsorships for item in self.events), ZERO)

    @property
    def total_contributions(self):
        return sum((c.amount_usd for c in self.contributions), ZERO)

    def shares_of(self, contribution):
        """What `contribution` pays for: its ContributionShares, events in date order."""
        return [
            share
            for item in self.events
            for share in item.shares
            if share.contribution.pk == contribution.pk
        ]

    def unspent_of(self, contribution):
        """The part of `contribution` on no event: unearmarked money in the year's balance,
        or money earmarked to an event since cancelled (money beyond an event's budget is
        that event's surplus: it stays on the event)."""
        used = sum((share.amount_usd for share in self.shares_of(contribution)), ZERO)
        return contribution.amount_usd - used


def lines_total(lines):
    """The sum of the budget `lines` of each event (a subquery of the events' query): zero
    without a line."""
    money = DecimalField(max_digits=14, decimal_places=2)
    total = lines.annotate(total=Sum("amount_usd")).values("total")[:1]
    return Coalesce(Subquery(total, output_field=money), Value(ZERO), output_field=money)


def allocate(dialogue):
    """The funding of every (not cancelled) event of `dialogue`'s year, in date order."""
    lines = BudgetLine.objects.filter(event=OuterRef("pk")).order_by().values("event")
    events = list(
        Event.objects.filter(dialogue=dialogue)
        .exclude(status=Event.Status.CANCELLED)
        .in_calendar_order()
        .annotate(
            funding_budget=lines_total(lines),
            funding_sponsorship_budget=lines_total(
                lines.filter(category=BudgetLine.Category.SPONSORED_PARTICIPANTS)
            ),
            funding_demo_budget=Exists(lines.filter(is_demo=True)),
        )
    )
    result = [
        EventFunding(
            event=event,
            budget=event.funding_budget,
            sponsorship_budget=event.funding_sponsorship_budget,
            demo_budget=event.funding_demo_budget,
        )
        for event in events
    ]
    by_pk = {item.event.pk: item for item in result}

    sponsorships = [
        {
            "event": row["registration__event"],
            "region": row["registration__member_state__region"],
            "count": row["count"],
            "amount_usd": row["amount"] or ZERO,
        }
        for row in Sponsorship.objects.filter(
            registration__event__in=events, status=Sponsorship.Status.APPROVED
        )
        .values("registration__event", "registration__member_state__region")
        .annotate(count=Count("pk"), amount=Sum("amount_usd"))
        .order_by()
    ]
    for row in sponsorships:
        by_pk[row["event"]].spent_on_sponsorships += row["amount_usd"]

    contributions = list(
        Contribution.objects.filter(dialogue=dialogue).select_related(
            "donor__member_state", "event"
        )
    )
    contribution_of = {contribution.pk: contribution for contribution in contributions}
    by_hand = defaultdict(lambda: ZERO)  # contribution pk -> USD put on events by hand
    for allocation in ManualAllocation.objects.filter(contribution__dialogue=dialogue):
        if allocation.event_id not in by_pk:
            continue  # on an event since cancelled: the money goes back to the year's pool
        by_hand[allocation.contribution_id] += allocation.amount_usd
        item = by_pk[allocation.event_id]
        item.allocated_by_hand += allocation.amount_usd
        item.shares.append(
            ContributionShare(
                contribution_of[allocation.contribution_id],
                item.event,
                allocation.amount_usd,
                ShareKind.BY_HAND,
            )
        )
        item.allocations_by_hand.append(
            (contribution_of[allocation.contribution_id], allocation.amount_usd)
        )

    pool = deque()  # [contribution, USD not yet allocated], first pledged first
    unearmarked_total = ZERO
    stranded = ZERO
    for contribution in contributions:
        usd = contribution.amount_usd
        if contribution.event_id is not None:
            if contribution.event_id in by_pk:
                item = by_pk[contribution.event_id]
                item.earmarked += usd
                item.contributions.append(contribution)
                item.shares.append(
                    ContributionShare(contribution, item.event, usd, ShareKind.EARMARKED)
                )
            else:  # earmarked to a cancelled event: kept, as surplus, until staff move it
                stranded += usd
            continue
        unearmarked_total += usd
        rest = max(usd - by_hand[contribution.pk], ZERO)
        if rest > 0:
            pool.append([contribution, rest])

    for item in result:
        need = item.gap
        while need > 0 and pool:
            contribution, rest = pool[0]
            take = min(need, rest)  # both in cents
            item.allocated_automatically += take
            item.shares.append(
                ContributionShare(contribution, item.event, take, ShareKind.AUTOMATIC)
            )
            need -= take
            if take == rest:
                pool.popleft()
            else:
                pool[0][1] = rest - take

    return YearFunding(
        dialogue=dialogue,
        events=result,
        contributions=contributions,
        unearmarked_total=unearmarked_total,
        unearmarked_balance=sum((rest for _contribution, rest in pool), ZERO),
        stranded=stranded,
        sponsorships=sponsorships,
    )


def event_funding(event):
    """The funding of one event (its year's allocation decides what unearmarked money it gets)."""
    return allocate(event.dialogue).for_event(event)
