"""What of the money may be shown to whom: the public summary of an event's or a year's
funding (status, percent funded, the donors whose contribution is public) read off the one
allocation (funding/allocation.py). Pages (funding_tags) and the API use these.

Only a contribution marked public (`is_public`: the donor and the amount may be shown) ever
names its donor or amount to someone who is not staff; budgets, amounts funded and gaps are
for staff (`funding.view_amounts`).
"""

from dataclasses import dataclass
from decimal import Decimal

from funding.allocation import ZERO, EventFunding, allocate
from funding.currencies import REPORTING_CURRENCY
from workshops.models import Event


@dataclass(frozen=True)
class PublicDonor:
    """A public contribution behind an event or a year: who gave, how much, to what."""

    name: str
    member_state: str | None  # ISO 3166 code of a member-state donor
    amount: Decimal
    currency: str
    earmarked: bool  # to this event (True) or to the year's programme as a whole (False)

    @classmethod
    def of(cls, contribution):
        donor = contribution.donor
        return cls(
            name=donor.display_name,
            member_state=donor.member_state.code if donor.member_state_id else None,
            amount=contribution.amount,
            currency=contribution.currency,
            earmarked=contribution.event_id is not None,
        )


@dataclass
class EventSummary:
    """An event's funding with its public donors (what the API's funding summary answers)."""

    item: EventFunding
    donors: list
    currency: str = REPORTING_CURRENCY

    def __getattr__(self, name):
        return getattr(self.item, name)


def event_summary(event):
    year = allocate(event.dialogue_id)
    item = funding_of(event, year)
    return EventSummary(item=item, donors=public_donors(item, year))


def funding_of(event, year=None):
    """The event's EventFunding from `year` (its year's allocation; computed when not given).
    A cancelled event needs no money: it has no allocation and reads "not budgeted"."""
    year = year if year is not None else allocate(event.dialogue_id)
    if event.status == Event.Status.CANCELLED:
        return EventFunding(event=event)
    return year.for_event(event)


def public_donors(item, year):
    """The public contributions funding the event of `item`: earmarked to it, put on it by
    hand, and, when the year's unearmarked money covers part of it, the public contributions
    to the year's programme that are not all allocated by hand elsewhere."""
    if item.event.status == Event.Status.CANCELLED:
        return []
    chosen = [c for c in item.contributions if c.is_public]
    chosen += [c for c, _usd in item.allocations_by_hand if c.is_public and c not in chosen]
    if item.allocated_automatically > ZERO:
        by_hand = allocated_by_hand(year)
        chosen += [
            c
            for c in year.contributions
            if c.event_id is None
            and c.is_public
            and c not in chosen
            and c.amount_usd > by_hand.get(c.pk, ZERO)
        ]
    return [PublicDonor.of(c) for c in chosen]


def year_public_donors(year):
    """Every public contribution of the year (earmarked or to the whole programme)."""
    return [PublicDonor.of(c) for c in year.contributions if c.is_public]


def allocated_by_hand(year):
    """{contribution pk: USD} put on events by hand, from the year's allocation."""
    totals = {}
    for item in year.events:
        for contribution, usd in item.allocations_by_hand:
            totals[contribution.pk] = totals.get(contribution.pk, ZERO) + usd
    return totals


def donor_names(donors):
    """Each donor once, in the order given."""
    names = []
    for donor in donors:
        if donor.name not in names:
            names.append(donor.name)
    return names
