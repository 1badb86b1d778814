"""The figures of the funding report, the donor statements and the event report, against
the allocation worked by hand in tests/funding/report_factories.py."""

from decimal import Decimal

import pytest

from funding.allocation import ShareKind, allocate
from funding.reports import contribution_statement, year_report
from tests.funding.factories import ManualAllocationFactory
from tests.funding.report_factories import funded_year
from workshops.models import Event

pytestmark = pytest.mark.django_db


def test_allocation_shares_follow_the_money_first_pledged_first_spent():
    year = funded_year()
    funding = allocate(year.dialogue)
    trafficking, return_migration = funding.events
    assert [(s.contribution.pk, s.amount_usd, s.kind) for s in trafficking.shares] == [
        (year.switzerland.pk, Decimal("46000.00"), ShareKind.EARMARKED),
        (year.ford.pk, Decimal("34000.00"), ShareKind.AUTOMATIC),
    ]
    assert [(s.contribution.pk, s.amount_usd) for s in return_migration.shares] == [
        (year.ford.pk, Decimal("5375.00")),
        (year.australia.pk, Decimal("44625.00")),
    ]
    assert funding.unearmarked_balance == Decimal("55375.00")
    assert funding.unspent_of(year.australia) == Decimal("55375.00")
    assert funding.unspent_of(year.ford) == Decimal("0.00")


def test_allocation_by_hand_on_a_cancelled_event_returns_to_the_pool():
    year = funded_year()
    cancelled = Event.objects.create(
        dialogue=year.dialogue,
        kind=Event.Kind.WORKSHOP,
        title="Cancelled",
        slug="cancelled",
        status=Event.Status.CANCELLED,
    )
    ManualAllocationFactory(
        contribution=year.australia, event=cancelled, amount_usd=Decimal("9000")
    )
    funding = allocate(year.dialogue)
    assert funding.unearmarked_balance == Decimal("55375.00")  # not 46,375: nothing vanishes
    assert funding.surplus == Decimal("55375.00")


def test_year_report_sponsorships_per_region_count_approved_only():
    report = year_report(funded_year().dialogue)
    assert [(row.label, row.count, row.amount_usd) for row in report.regions] == [
        ("Africa", 1, Decimal("3000.00")),
        ("Americas", 1, Decimal("2000.00")),
        ("Asia", 1, Decimal("2500.00")),
    ]
    assert (report.regions_total.count, report.regions_total.amount_usd) == (3, Decimal("7500.00"))
    assert report.funding.spent == Decimal("7500.00")


def test_statement_of_unearmarked_money_split_across_events_in_both_currencies():
    year = funded_year()
    statement = contribution_statement(year.ford)
    assert [(line.event.slug, line.amount_usd, line.amount) for line in statement.lines] == [
        ("2009-trafficking", Decimal("34000.00"), Decimal("25904.76")),
        ("2009-return", Decimal("5375.00"), Decimal("4095.24")),
    ]
    assert sum(line.amount for line in statement.lines) == year.ford.amount
    assert [(row.label, row.count) for row in statement.regions] == [
        ("Africa", 1),
        ("Americas", 1),
        ("Asia", 1),
    ]


def test_statement_shows_the_part_no_event_needs():
    year = funded_year()
    statement = contribution_statement(year.australia)
    assert [(line.event and line.event.slug, line.amount_usd) for line in statement.lines] == [
        ("2009-return", Decimal("44625.00")),
        (None, Decimal("55375.00")),
    ]
    assert [(row.label, row.count) for row in statement.regions] == [("Americas", 1)]


def test_statement_of_earmarked_money_covers_its_event_only():
    year = funded_year()
    statement = contribution_statement(year.switzerland)
    assert [(line.event.slug, line.kind_label, line.amount) for line in statement.lines] == [
        ("2009-trafficking", "Earmarked", Decimal("50000.00")),
    ]
    assert [(row.label, row.count) for row in statement.regions] == [("Africa", 1), ("Asia", 1)]
