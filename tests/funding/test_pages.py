"""Funding on the public pages: the event page's status, percent and public donors, the
dialogue page's list (bounded queries), the amounts for staff, and staff confirming an event
once it is funded."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import DelegateFactory, DialogueFactory
from tests.funding.factories import BudgetLineFactory, ContributionFactory, DonorFactory
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory
from workshops.models import Event

pytestmark = pytest.mark.django_db

D = Decimal


def budgeted_event(dialogue=None, amount="100000.00", **values):
    if "start_date" in values:
        values.setdefault("end_date", values["start_date"])
    event = EventFactory(dialogue=dialogue or DialogueFactory(year=2009), **values)
    BudgetLineFactory(event=event, amount_usd=D(amount))
    return event


def content(client, event):
    answer = client.get(event.get_absolute_url())
    assert answer.status_code == 200
    return answer.content.decode()


def test_event_page_shows_status_percent_and_progress(client):
    event = budgeted_event(amount="80000.00")
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("36000.00"))
    page = content(client, event)
    assert 'data-testid="funding-status" data-status="subject_to_funding"' in page
    assert "45% funded" in page
    assert "45% of the budget is funded" in page
    assert '<progress class="funding-progress" max="100" value="45"' in page
    assert 'aria-labelledby="funding-percent-label"' in page
    assert "demo figures" not in page  # an approved budget


def test_event_page_demo_budget_labelled_demo_figures(client):
    event = EventFactory()
    BudgetLineFactory(event=event, is_demo=True)
    page = content(client, event)
    assert "0% funded (demo figures)" in page
    assert "The budget shows demo figures loaded with the seed" in page


def test_event_page_public_donors_with_amounts_never_the_others(client):
    event = budgeted_event()
    dialogue = event.dialogue
    ContributionFactory(
        dialogue=dialogue,
        event=event,
        donor=DonorFactory(name="Open Foundation"),
        amount=D("12345.67"),
        currency="EUR",
        rate_to_usd=D("1.4"),
        is_public=True,
    )
    ContributionFactory(
        dialogue=dialogue,
        event=event,
        donor=DonorFactory(name="Quiet Trust"),
        amount=D("7654.32"),
    )
    ContributionFactory(
        dialogue=dialogue,
        donor=DonorFactory(name="Programme Fund"),
        amount=D("5000.00"),
        is_public=True,
    )
    page = content(client, event)
    assert "Made possible by the generous support of:" in page
    assert "Open Foundation — EUR 12,345.67" in page
    assert "(earmarked for this event)" in page
    # Unearmarked public money covers part of this event: its donor is thanked too.
    assert "Programme Fund — USD 5,000.00" in page
    assert "(to the IDM 2009 programme as a whole)" in page
    assert "Quiet Trust" not in page and "7,654.32" not in page and "7654.32" not in page
    # Amounts in USD (budget, funded, gap) are for staff.
    assert "100,000.00" not in page
    assert 'data-testid="funding-amounts"' not in page


def test_event_page_programme_donor_not_thanked_when_its_money_went_elsewhere(client):
    dialogue = DialogueFactory(year=2009)
    first = budgeted_event(dialogue, amount="5000.00", start_date=datetime.date(2009, 3, 1))
    second = budgeted_event(dialogue, amount="5000.00", start_date=datetime.date(2009, 7, 1))
    ContributionFactory(
        dialogue=dialogue,
        donor=DonorFactory(name="Early Fund"),
        amount=D("5000.00"),
        is_public=True,
    )
    # All 5,000 of unearmarked money covers the first event (date order); none the second.
    assert "Early Fund" in content(client, first)
    assert "Early Fund" not in content(client, second)


def test_event_page_staff_see_amounts(staff_client):
    event = budgeted_event(amount="80000.00")
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("36000.00"))
    page = content(staff_client, event)
    assert 'data-testid="funding-amounts"' in page
    assert "80,000.00" in page and "36,000.00" in page
    assert '<dd class="col-5 text-end" data-testid="funding-gap">44,000.00</dd>' in page


def test_event_page_without_budget_shows_no_funding_publicly_no_budget_to_staff(staff_client):
    event = EventFactory()
    assert 'data-testid="funding-status"' not in content(Client(), event)
    assert 'data-status="not_budgeted"' in content(staff_client, event)


def test_event_page_funded_proposed_event_staff_may_confirm(staff_client):
    event = budgeted_event(amount="1000.00", status=Event.Status.PROPOSED)
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("1000.00"))
    page = content(staff_client, event)
    assert "This event is funded: you may now confirm it." in page
    assert reverse("funding:confirm-event", args=[event.slug]) in page
    assert "you may now confirm it" not in content(Client(), event)

    answer = staff_client.post(reverse("funding:confirm-event", args=[event.slug]), follow=True)

    event.refresh_from_db()
    assert event.status == Event.Status.CONFIRMED
    assert "The event is confirmed." in answer.content.decode()
    assert event.history.latest().history_user is not None
    assert "you may now confirm it" not in content(staff_client, event)


def test_confirm_event_not_funded_refused_with_amount_missing(staff_client):
    event = budgeted_event(amount="1000.00", status=Event.Status.PROPOSED)
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("600.00"))
    page = content(staff_client, event)
    assert "you may now confirm it" not in page

    answer = staff_client.post(reverse("funding:confirm-event", args=[event.slug]), follow=True)

    event.refresh_from_db()
    assert event.status == Event.Status.PROPOSED
    assert "This event is not funded yet: 400.00 USD are missing." in answer.content.decode()


def test_confirm_event_refused_to_delegates_and_anonymous(client):
    event = budgeted_event(amount="1000.00", status=Event.Status.PROPOSED)
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("1000.00"))
    url = reverse("funding:confirm-event", args=[event.slug])
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(DelegateFactory())
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405
    event.refresh_from_db()
    assert event.status == Event.Status.PROPOSED


def test_dialogue_page_lists_funding_and_public_donors(client):
    event = budgeted_event(amount="1000.00")
    ContributionFactory(
        dialogue=event.dialogue,
        donor=DonorFactory(name="Open Foundation"),
        amount=D("250.00"),
        is_public=True,
    )
    ContributionFactory(
        dialogue=event.dialogue, donor=DonorFactory(name="Quiet Trust"), amount=D("100.00")
    )
    page = client.get("/dialogues/2009/").content.decode()
    assert 'data-status="subject_to_funding"' in page and "35% funded" in page
    assert "IDM 2009 is made possible by the generous support of:" in page
    assert "Open Foundation — USD 250.00" in page
    assert "Quiet Trust" not in page


def create_events(dialogue, count):
    for index in range(count):
        event = budgeted_event(dialogue, amount="1000.00", start_date=datetime.date(2009, 1, 1))
        ContributionFactory(
            dialogue=dialogue, event=event, amount=D("100.00"), is_public=index % 2 == 0
        )


@pytest.mark.parametrize("role", ["anonymous", "staff"])
def test_dialogue_page_queries_same_at_2_and_20_events(request, role):
    viewer = request.getfixturevalue("staff_client") if role == "staff" else Client()
    dialogue = DialogueFactory(year=2009)
    create_events(dialogue, 2)
    few = count_queries(viewer, "/dialogues/2009/")
    create_events(dialogue, 18)
    many = count_queries(viewer, "/dialogues/2009/")
    assert few == many
    assert (
        viewer.get("/dialogues/2009/").content.decode().count('data-status="subject_to_funding"')
        == 20
    )


def test_home_programme_queries_same_at_2_and_20_events(client):
    dialogue = DialogueFactory(year=2009)
    create_events(dialogue, 2)
    few = count_queries(client, "/")
    create_events(dialogue, 18)
    assert count_queries(client, "/") == few
