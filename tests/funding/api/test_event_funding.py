"""/api/v1/events/{slug}/funding/: the public funding summary; staff tokens also get the
amounts."""

from decimal import Decimal

import pytest

from tests.funding.api.helpers import client_as
from tests.funding.factories import BudgetLineFactory, ContributionFactory, DonorFactory
from tests.workshops.factories import EventFactory
from workshops.models import Event

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def event():
    event = EventFactory(slug="human-rights")
    BudgetLineFactory(event=event, amount_usd=D("100000.00"))
    BudgetLineFactory(event=event, category="venue", amount_usd=D("20000.00"))
    ContributionFactory(
        dialogue=event.dialogue,
        event=event,
        donor=DonorFactory(name="Open Foundation"),
        amount=D("45000.00"),
        currency="EUR",
        rate_to_usd=D("1.4"),
        is_public=True,
    )
    ContributionFactory(
        dialogue=event.dialogue,
        event=event,
        donor=DonorFactory(name="Quiet Trust"),
        amount=D("3000.00"),
    )
    return event


def url(event):
    return f"/api/v1/events/{event.slug}/funding/"


PUBLIC = {
    "event": "human-rights",
    "dialogue_year": 2009,
    "status": "subject_to_funding",
    "status_label": "Subject to available funding",
    # 45,000 EUR × 1.4 = 63,000 + 3,000 = 66,000 of 120,000 → 55 %.
    "percent_funded": 55,
    "demo_budget": False,
    "donors": [
        {
            "name": "Open Foundation",
            "member_state": None,
            "amount": "45000.00",
            "currency": "EUR",
            "earmarked": True,
        }
    ],
}


@pytest.mark.parametrize("role", ["anonymous", "delegate", "focal_point"])
def test_event_funding_public_summary_without_amounts(event, role):
    answer = client_as(role).get(url(event))
    assert answer.status_code == 200
    assert answer.json() == PUBLIC
    assert "Quiet Trust" not in answer.content.decode()


def test_event_funding_staff_token_also_sees_amounts(event):
    answer = client_as("staff").get(url(event))
    assert answer.json() == {
        **PUBLIC,
        "currency": "USD",
        "budget": "120000.00",
        "earmarked": "66000.00",
        "allocated_by_hand": "0.00",
        "allocated_automatically": "0.00",
        "funded": "66000.00",
        "gap": "54000.00",
        "surplus": "0.00",
    }


def test_event_funding_over_funded_shows_surplus_to_staff(event):
    ContributionFactory(dialogue=event.dialogue, event=event, amount=D("60000.00"))
    body = client_as("staff").get(url(event)).json()
    assert (body["status"], body["percent_funded"], body["gap"], body["surplus"]) == (
        "funded",
        100,
        "0.00",
        "6000.00",
    )


def test_event_funding_without_budget_or_cancelled_not_budgeted():
    unbudgeted = EventFactory()
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    BudgetLineFactory(event=cancelled)
    for item in (unbudgeted, cancelled):
        body = client_as("anonymous").get(url(item)).json()
        assert (body["status"], body["percent_funded"], body["donors"]) == (
            "not_budgeted",
            None,
            [],
        )


def test_event_funding_unknown_event_404_json():
    answer = client_as("anonymous").get("/api/v1/events/no-such-event/funding/")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "No Event matches the given query."}


@pytest.mark.parametrize(("role", "status"), [("anonymous", 401), ("staff", 403)])
def test_event_funding_read_only(event, role, status):
    answer = client_as(role).post(url(event), {"status": "funded"}, format="json")
    assert answer.status_code == status


def test_event_funding_queries_bounded(event, django_assert_max_num_queries):
    client = client_as("anonymous")
    with django_assert_max_num_queries(8):
        client.get(url(event))
