"""The one allocation (funding/allocation.py), figures worked out by hand in each test.

Earmarked money covers its event; staff may put unearmarked money on an event by hand; the
rest of the unearmarked money goes to the year's events in date order, each up to its gap;
over-funding is surplus, never lost. Every figure is an exact Decimal in USD.
"""

import datetime
from decimal import Decimal

import pytest

from funding.allocation import allocate, event_funding
from funding.currencies import to_cents
from tests.factories import DialogueFactory
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    ManualAllocationFactory,
)
from tests.workshops.factories import EventFactory
from workshops.models import Event

pytestmark = pytest.mark.django_db

D = Decimal


def event(dialogue, slug, start, *lines):
    """An event of `dialogue` starting on `start` (None: date to be announced), with budget
    lines of the given USD amounts (one per category)."""
    categories = ["sponsored_participants", "venue", "interpretation", "documentation"]
    made = EventFactory(
        dialogue=dialogue,
        slug=slug,
        start_date=start,
        end_date=start,
    )
    for category, amount in zip(categories, lines, strict=False):
        BudgetLineFactory(event=made, category=category, amount_usd=D(amount))
    return made


@pytest.fixture
def year():
    return DialogueFactory(year=2009)


def figures(item):
    return (item.budget, item.funded, item.gap, item.surplus, item.percent_funded, item.status)


def test_allocation_earmarked_only_covers_each_its_own_event(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "80000.00", "20000.00")  # 100,000
    b = event(year, "b", datetime.date(2009, 7, 9), "50000.00")
    ContributionFactory(dialogue=year, event=a, amount=D("60000.00"))
    ContributionFactory(dialogue=year, event=b, amount=D("50000.00"))

    funding = allocate(year)

    first, second = funding.events
    # a: 60,000 of 100,000 → gap 40,000, 60 %; b: 50,000 of 50,000 → funded.
    assert figures(first) == (
        D("100000.00"),
        D("60000.00"),
        D("40000.00"),
        D("0.00"),
        60,
        "subject_to_funding",
    )
    assert figures(second) == (D("50000.00"), D("50000.00"), D("0.00"), D("0.00"), 100, "funded")
    assert (first.earmarked, first.allocated_automatically) == (D("60000.00"), D("0.00"))
    assert (funding.unearmarked_total, funding.unearmarked_balance) == (D("0"), D("0"))
    assert (funding.budget, funding.funded, funding.gap) == (
        D("150000.00"),
        D("110000.00"),
        D("40000.00"),
    )


def test_allocation_unearmarked_only_goes_to_events_in_date_order(year):
    # Created later, dated earlier: date order, not creation order, decides.
    july = event(year, "july", datetime.date(2009, 7, 9), "50000.00")
    march = event(year, "march", datetime.date(2009, 3, 25), "100000.00")
    ContributionFactory(dialogue=year, amount=D("70000.00"))
    ContributionFactory(dialogue=year, amount=D("50000.00"))

    funding = allocate(year)

    # 120,000 unearmarked: March takes its 100,000, July the remaining 20,000 of 50,000.
    assert [item.event for item in funding.events] == [march, july]
    first, second = funding.events
    assert figures(first) == (D("100000.00"), D("100000.00"), D("0.00"), D("0.00"), 100, "funded")
    assert figures(second) == (
        D("50000.00"),
        D("20000.00"),
        D("30000.00"),
        D("0.00"),
        40,
        "subject_to_funding",
    )
    assert second.allocated_automatically == D("20000.00")
    assert (funding.unearmarked_total, funding.unearmarked_balance) == (
        D("120000.00"),
        D("0.00"),
    )


def test_allocation_mixed_earmarked_by_hand_and_automatic(year):
    event(year, "a", datetime.date(2009, 3, 25), "100000.00")
    b = event(year, "b", datetime.date(2009, 7, 9), "50000.00")
    c = event(year, "c", None, "20000.00")  # date to be announced: last in date order
    ContributionFactory(dialogue=year, event=b, amount=D("20000.00"))
    unearmarked = ContributionFactory(dialogue=year, amount=D("100000.00"))
    ManualAllocationFactory(contribution=unearmarked, event=c, amount_usd=D("25000.00"))

    funding = allocate(year)

    # 100,000 unearmarked − 25,000 put on c by hand = 75,000 for date order:
    # a (gap 100,000) takes all 75,000 → 75 %; b keeps its earmarked 20,000 → 40 %;
    # c has 25,000 by hand for a 20,000 budget → funded, surplus 5,000.
    by_slug = {item.event.slug: item for item in funding.events}
    assert figures(by_slug["a"]) == (
        D("100000.00"),
        D("75000.00"),
        D("25000.00"),
        D("0.00"),
        75,
        "subject_to_funding",
    )
    assert by_slug["a"].allocated_automatically == D("75000.00")
    assert figures(by_slug["b"]) == (
        D("50000.00"),
        D("20000.00"),
        D("30000.00"),
        D("0.00"),
        40,
        "subject_to_funding",
    )
    assert (by_slug["b"].earmarked, by_slug["b"].allocated_automatically) == (
        D("20000.00"),
        D("0.00"),
    )
    assert figures(by_slug["c"]) == (
        D("20000.00"),
        D("25000.00"),
        D("0.00"),
        D("5000.00"),
        100,
        "funded",
    )
    assert by_slug["c"].allocations_by_hand == [(unearmarked, D("25000.00"))]
    assert (funding.funded, funding.gap, funding.surplus) == (
        D("120000.00"),
        D("55000.00"),
        D("5000.00"),
    )


def test_allocation_over_funded_shows_surplus_never_loses_money(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "100000.00")
    event(year, "b", datetime.date(2009, 7, 9), "20000.00")
    cancelled = event(year, "gone", datetime.date(2009, 9, 1), "10000.00")
    cancelled.status = Event.Status.CANCELLED
    cancelled.save()
    ContributionFactory(dialogue=year, event=a, amount=D("130000.00"))
    ContributionFactory(dialogue=year, amount=D("50000.00"))
    ContributionFactory(dialogue=year, event=cancelled, amount=D("4000.00"))

    funding = allocate(year)

    first, second = funding.events  # the cancelled event needs nothing
    # a: 130,000 earmarked for 100,000 → surplus 30,000, 100 % (never more).
    assert figures(first) == (
        D("100000.00"),
        D("130000.00"),
        D("0.00"),
        D("30000.00"),
        100,
        "funded",
    )
    # b: 20,000 of the 50,000 unearmarked; 30,000 unearmarked stays as the year's balance.
    assert figures(second) == (D("20000.00"), D("20000.00"), D("0.00"), D("0.00"), 100, "funded")
    assert funding.unearmarked_balance == D("30000.00")
    # 4,000 earmarked to the cancelled event is kept (stranded) until staff move it.
    assert funding.stranded == D("4000.00")
    assert funding.surplus == D("64000.00")  # 30,000 + 30,000 + 4,000
    # Nothing lost: every dollar given is funding an event, or surplus.
    assert funding.total_contributions == D("184000.00")
    assert funding.funded + funding.unearmarked_balance + funding.stranded == D("184000.00")


def test_allocation_by_hand_on_a_cancelled_event_goes_back_to_the_pool(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "100000.00")
    gone = event(year, "gone", datetime.date(2009, 9, 1), "10000.00")
    unearmarked = ContributionFactory(dialogue=year, amount=D("30000.00"))
    ManualAllocationFactory(contribution=unearmarked, event=gone, amount_usd=D("8000.00"))
    gone.status = Event.Status.CANCELLED
    gone.save()

    funding = allocate(year)

    # The 8,000 put by hand on the cancelled event is unearmarked money again: all 30,000
    # goes to a automatically; nothing is lost or left stranded.
    assert funding.for_event(a).funded == D("30000.00")
    assert funding.for_event(a).allocated_automatically == D("30000.00")
    assert funding.stranded == D("0")
    assert funding.funded + funding.unearmarked_balance + funding.stranded == D("30000.00")


def test_allocation_three_currencies_recorded_rates_exact_to_the_cent(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "30000.00", "10000.00")  # 40,000.00
    event(year, "b", datetime.date(2009, 7, 9), "5000.00")
    # EUR 1,000.05 × 1.50000000 = 1,500.075 → 1,500.08 (half up; a float gives 1,500.07).
    ContributionFactory(
        dialogue=year, event=a, amount=D("1000.05"), currency="EUR", rate_to_usd=D("1.5")
    )
    # CHF 33,333.33 × 0.91234567 = 30,411.5192921811 → 30,411.52.
    ContributionFactory(
        dialogue=year,
        event=a,
        amount=D("33333.33"),
        currency="CHF",
        rate_to_usd=D("0.91234567"),
    )
    # USD 8,088.40: with the two above, exactly 40,000.00.
    ContributionFactory(dialogue=year, event=a, amount=D("8088.40"))
    # Unearmarked: GBP 1.15 × 1.30000000 = 1.495 → 1.50 (a float gives 1.49).
    ContributionFactory(dialogue=year, amount=D("1.15"), currency="GBP", rate_to_usd=D("1.3"))

    funding = allocate(year)

    first, second = funding.events
    assert [c.amount_usd for c in first.contributions] == [
        D("1500.08"),
        D("30411.52"),
        D("8088.40"),
    ]
    # Exactly covered: float arithmetic (1,500.07) would leave a gap of 0.01.
    assert figures(first) == (D("40000.00"), D("40000.00"), D("0.00"), D("0.00"), 100, "funded")
    assert (second.funded, second.gap, second.percent_funded) == (
        D("1.50"),
        D("4998.50"),
        0,
    )
    assert funding.unearmarked_total == D("1.50")
    for value in (first.funded, second.funded, second.gap, funding.surplus):
        assert isinstance(value, Decimal)


def test_allocation_tenths_add_up_exactly_unlike_floats(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "0.80")
    ContributionFactory(dialogue=year, event=a, amount=D("0.70"))
    ContributionFactory(dialogue=year, event=a, amount=D("0.10"))
    assert 0.7 + 0.1 < 0.8  # in floats the event would still lack money

    item = event_funding(a)

    assert figures(item) == (D("0.80"), D("0.80"), D("0.00"), D("0.00"), 100, "funded")


def test_allocation_rates_with_eight_decimals_exact(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "100.00")
    # 0.10 × 0.33333333 = 0.033333333 → 0.03; 0.20 × 0.33333334 = 0.066666668 → 0.07;
    # 100.05 × 0.5 = 50.025 → 50.03 (a float gives 50.02). Together 50.13.
    ContributionFactory(dialogue=year, event=a, amount=D("0.10"), rate_to_usd=D("0.33333333"))
    ContributionFactory(dialogue=year, event=a, amount=D("0.20"), rate_to_usd=D("0.33333334"))
    ContributionFactory(dialogue=year, event=a, amount=D("100.05"), rate_to_usd=D("0.5"))

    item = event_funding(a)

    assert (item.funded, item.gap, item.percent_funded) == (D("50.13"), D("49.87"), 50)


def test_money_is_never_a_float():
    with pytest.raises(TypeError):
        to_cents(0.1 + 0.2)
    assert to_cents(D("0.1") + D("0.2")) == D("0.30")


def test_allocation_not_budgeted_event_and_four_queries(year, django_assert_num_queries):
    for index in range(5):
        event(year, f"e{index}", datetime.date(2009, 3, 1 + index), "1000.00")
    event(year, "no-budget", datetime.date(2009, 12, 1))
    ContributionFactory(dialogue=year, amount=D("2500.00"))

    with django_assert_num_queries(4):
        funding = allocate(year)

    assert [item.status for item in funding.events] == [
        "funded",
        "funded",
        "subject_to_funding",
        "subject_to_funding",
        "subject_to_funding",
        "not_budgeted",
    ]
    assert funding.events[2].funded == D("500.00")
    assert funding.events[-1].percent_funded is None


def test_allocation_only_counts_the_years_own_money(year):
    a = event(year, "a", datetime.date(2009, 3, 25), "1000.00")
    ContributionFactory(dialogue=DialogueFactory(year=2010), amount=D("5000.00"))
    assert event_funding(a).funded == D("0.00")
