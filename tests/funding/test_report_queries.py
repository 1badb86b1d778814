"""Acceptance 6: the funding report (page, CSV, XLSX) takes the same number of queries at 2 and
at 20 events, each with budget lines, donors, contributions, allocations by hand and
sponsorships; so do the donor statement and the event report whatever their size."""

import datetime
from decimal import Decimal

import pytest

from funding.models import BudgetLine
from tests.factories import DialogueFactory, DocumentFactory, MemberStateFactory
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    ManualAllocationFactory,
    OrganizationDonorFactory,
    ProgrammeBudgetFactory,
    SponsorshipFactory,
    StateDonorFactory,
)
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db

REGIONS = ["africa", "americas", "asia", "europe", "oceania"]


def add_events(dialogue, count, start):
    """`count` events, each with two budget lines, an earmarked contribution from a state, an
    unearmarked one allocated by hand to it, and sponsored participants from two regions."""
    events = []
    for index in range(start, start + count):
        event = EventFactory(
            dialogue=dialogue,
            slug=f"event-{index}",
            start_date=datetime.date(2009, 1, 1) + datetime.timedelta(days=7 * index),
            end_date=datetime.date(2009, 1, 2) + datetime.timedelta(days=7 * index),
        )
        BudgetLineFactory(event=event, amount_usd=Decimal("30000.00"))
        BudgetLineFactory(
            event=event, category=BudgetLine.Category.VENUE, amount_usd=Decimal("5000")
        )
        ContributionFactory(
            dialogue=dialogue,
            event=event,
            donor=StateDonorFactory(member_state=MemberStateFactory(region=REGIONS[index % 5])),
            amount=Decimal("12000.00"),
            currency="CHF",
            rate_to_usd=Decimal("0.95"),
        )
        unearmarked = ContributionFactory(
            dialogue=dialogue, donor=OrganizationDonorFactory(), amount=Decimal("9000.00")
        )
        ManualAllocationFactory(contribution=unearmarked, event=event, amount_usd=Decimal("4000"))
        for offset in range(2):
            state = MemberStateFactory(region=REGIONS[(index + offset) % 5])
            SponsorshipFactory(
                registration=RegistrationFactory(
                    event=event, category=Registration.Category.MEMBER_STATE, member_state=state
                )
            )
        events.append(event)
    return events


def test_funding_report_queries_same_at_2_and_20_events(staff_client, django_assert_num_queries):
    dialogue = DialogueFactory(year=2009)
    budget = ProgrammeBudgetFactory(dialogue=dialogue)
    budget.documents.add(DocumentFactory(dialogue=dialogue), DocumentFactory(dialogue=dialogue))
    add_events(dialogue, 2, start=0)
    urls = [
        "/dialogues/2009/funding/",
        "/dialogues/2009/funding.csv",
        "/dialogues/2009/funding.xlsx",
    ]
    counts = {url: count_queries(staff_client, url) for url in urls}
    add_events(dialogue, 18, start=2)
    for url in urls:
        with django_assert_num_queries(counts[url]):
            response = staff_client.get(url)
            if url.endswith(".csv"):
                body = b"".join(response.streaming_content).decode("utf-8-sig")
                assert body.count("\nWorkshop ") == 20  # every event streamed, inside the count
        assert response.status_code == 200
    page = staff_client.get(urls[0]).content.decode()
    assert page.count('data-testid="event-row"') == 20
    assert page.count('data-testid="contribution-row"') == 40


def test_statement_and_event_report_queries_do_not_grow(staff_client, django_assert_num_queries):
    dialogue = DialogueFactory(year=2009)
    first = add_events(dialogue, 2, start=0)[0]
    contribution = first.contributions.get()
    urls = [
        f"/contributions/{contribution.pk}/statement/",
        f"/events/{first.slug}/report/",
    ]
    counts = {url: count_queries(staff_client, url) for url in urls}
    add_events(dialogue, 8, start=2)
    for offset in range(8):  # many more sponsored participants and documents at the event
        SponsorshipFactory(
            registration=RegistrationFactory(
                event=first,
                category=Registration.Category.MEMBER_STATE,
                member_state=MemberStateFactory(region=REGIONS[offset % 5]),
                status=Registration.Status.ATTENDED,
            )
        )
        first.documents.add(DocumentFactory(dialogue=dialogue))
    for url in urls:
        with django_assert_num_queries(counts[url]):
            assert staff_client.get(url).status_code == 200
