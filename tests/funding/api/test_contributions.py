"""/api/v1/contributions/: staff tokens only; money as decimal strings; writes go through
funding/services.py (validation, history)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from funding.models import Contribution
from tests.factories import DialogueFactory
from tests.funding.api.helpers import client_as
from tests.funding.factories import (
    ContributionFactory,
    DonorFactory,
    ManualAllocationFactory,
    StateDonorFactory,
)
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory

pytestmark = pytest.mark.django_db

D = Decimal
URL = "/api/v1/contributions/"


@pytest.fixture
def staff():
    return client_as("staff")


def test_contributions_list_money_as_decimal_strings(staff):
    event = EventFactory(slug="human-rights")
    contribution = ContributionFactory(
        dialogue=event.dialogue,
        event=event,
        donor=StateDonorFactory(member_state__name="Switzerland"),
        amount=D("1000.05"),
        currency="EUR",
        rate_to_usd=D("1.5"),
        agreement_reference="IDM-2009-07",
        is_public=True,
    )
    (row,) = staff.get(URL).json()["results"]
    assert row == {
        "url": f"http://testserver{URL}{contribution.pk}/",
        "id": contribution.pk,
        "donor": contribution.donor.pk,
        "donor_name": "Switzerland",
        "dialogue_year": 2009,
        "event": "human-rights",
        "amount": "1000.05",
        "currency": "EUR",
        "rate_to_usd": "1.50000000",
        "rate_date": "2009-01-15",
        "amount_usd": "1500.08",
        "status": "pledged",
        "pledged_on": "2009-01-15",
        "received_on": None,
        "agreement_reference": "IDM-2009-07",
        "is_public": True,
        "notes": "",
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
    }


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("delegate", 403), ("focal_point", 403)]
)
def test_contributions_refused_to_everyone_but_staff(role, status):
    contribution = ContributionFactory(is_public=True)
    client = client_as(role)
    for answer in (
        client.get(URL),
        client.get(f"{URL}{contribution.pk}/"),
        client.post(URL, {"amount": "1.00"}, format="json"),
        client.patch(f"{URL}{contribution.pk}/", {"amount": "1.00"}, format="json"),
        client.delete(f"{URL}{contribution.pk}/"),
    ):
        assert answer.status_code == status
        assert set(answer.json()) == {"detail"}
    assert Contribution.objects.get().amount == D("10000.00")


def test_contributions_filter_by_year_donor_event(staff):
    event = EventFactory(slug="trafficking")
    donor = DonorFactory()
    earmarked = ContributionFactory(dialogue=event.dialogue, event=event)
    of_donor = ContributionFactory(dialogue=event.dialogue, donor=donor)
    other_year = ContributionFactory(dialogue=DialogueFactory(year=2010), donor=donor)

    def ids(**params):
        answer = staff.get(URL, params)
        assert answer.status_code == 200, answer.content
        return {row["id"] for row in answer.json()["results"]}

    assert ids(year=2009) == {earmarked.pk, of_donor.pk}
    assert ids(donor=donor.pk) == {of_donor.pk, other_year.pk}
    assert ids(event="trafficking") == {earmarked.pk}
    assert ids(year=2010, donor=donor.pk) == {other_year.pk}
    assert ids(earmarked="false", year=2009) == {of_donor.pk}
    assert ids(event="unknown") == set()


@pytest.mark.parametrize(
    ("params", "name"),
    [({"year": "0.5"}, "year"), ({"donor": "x"}, "donor"), ({"earmarked": "maybe"}, "earmarked")],
)
def test_contributions_filter_outside_schema_400_names_it(staff, params, name):
    answer = staff.get(URL, params)
    assert answer.status_code == 400
    assert list(answer.json()) == [name]


def test_contributions_create_with_the_issue_fields(staff):
    event = EventFactory(slug="human-rights")
    donor = DonorFactory()
    answer = staff.post(
        URL,
        {
            "donor": donor.pk,
            "dialogue_year": 2009,
            "event": "human-rights",
            "amount": "12345.67",
            "currency": "CHF",
            "rate_to_usd": "0.91234567",
            "status": "pledged",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    today = timezone.localdate().isoformat()
    # 12,345.67 × 0.91234567 = 11,263.5185677489 → 11,263.52
    assert (body["amount"], body["rate_to_usd"], body["amount_usd"]) == (
        "12345.67",
        "0.91234567",
        "11263.52",
    )
    assert (body["pledged_on"], body["rate_date"], body["is_public"]) == (today, today, False)
    contribution = Contribution.objects.get()
    assert (contribution.event, contribution.donor, contribution.amount) == (
        event,
        donor,
        D("12345.67"),
    )
    assert contribution.history.get().history_user == staff.user


def test_contributions_create_unearmarked_received_today(staff):
    DialogueFactory(year=2009)
    answer = staff.post(
        URL,
        {
            "donor": DonorFactory().pk,
            "dialogue_year": 2009,
            "event": None,
            "amount": "500",
            "currency": "USD",
            "rate_to_usd": "1",
            "status": "received",
            "pledged_on": "2009-02-01",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert (body["event"], body["amount"], body["received_on"]) == (
        None,
        "500.00",
        timezone.localdate().isoformat(),
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": "abc"}, "amount"),
        ({"amount": "-5.00"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"amount": "1.001"}, "amount"),
        ({"currency": "XYZ"}, "currency"),
        ({"rate_to_usd": "0"}, "rate_to_usd"),
        ({"rate_to_usd": "1.123456789"}, "rate_to_usd"),
        ({"event": "other-year"}, "event"),
        ({"event": "no-such-event"}, "event"),
        ({"dialogue_year": 1999}, "dialogue_year"),
        ({"donor": 0}, "donor"),
        ({"status": "spent"}, "status"),
        (
            {"pledged_on": "2009-03-01", "received_on": "2009-02-01", "status": "received"},
            "received_on",
        ),
    ],
)
def test_contributions_bad_input_400_field_errors_nothing_saved(staff, change, field):
    DialogueFactory(year=2009)
    EventFactory(slug="other-year", dialogue=DialogueFactory(year=2010))
    body = {
        "donor": DonorFactory().pk,
        "dialogue_year": 2009,
        "event": None,
        "amount": "100.00",
        "currency": "USD",
        "rate_to_usd": "1",
        "status": "pledged",
        **change,
    }
    answer = staff.post(URL, body, format="json")
    assert answer.status_code == 400, answer.content
    errors = answer.json()
    assert field in errors or (field == "received_on" and "non_field_errors" in errors), errors
    assert not Contribution.objects.exists()


def test_contributions_patch_through_service_with_history(staff):
    contribution = ContributionFactory(amount=D("100.00"))
    answer = staff.patch(
        f"{URL}{contribution.pk}/",
        {"amount": "250.50", "is_public": True, "status": "received", "received_on": "2009-02-02"},
        format="json",
    )
    assert answer.status_code == 200, answer.content
    assert (answer.json()["amount"], answer.json()["amount_usd"]) == ("250.50", "250.50")
    contribution.refresh_from_db()
    assert (contribution.amount, contribution.is_public, contribution.received_on) == (
        D("250.50"),
        True,
        datetime.date(2009, 2, 2),
    )
    assert contribution.history.latest().history_user == staff.user


def test_contributions_patch_below_allocated_by_hand_refused(staff):
    contribution = ContributionFactory(amount=D("1000.00"))
    ManualAllocationFactory(
        contribution=contribution,
        event=EventFactory(dialogue=contribution.dialogue),
        amount_usd=D("800.00"),
    )
    answer = staff.patch(f"{URL}{contribution.pk}/", {"amount": "500.00"}, format="json")
    assert answer.status_code == 400
    assert answer.json() == {
        "amount": [
            "800.00 USD of this contribution is allocated by hand; its amount cannot be less."
        ]
    }
    contribution.refresh_from_db()
    assert contribution.amount == D("1000.00")


def test_contributions_delete_through_service(staff):
    contribution = ContributionFactory()
    answer = staff.delete(f"{URL}{contribution.pk}/")
    assert answer.status_code == 204
    assert not Contribution.objects.exists()
    deleted = Contribution.history.filter(history_type="-").get()
    assert deleted.history_user == staff.user


def contributions_over_events(count):
    dialogue = DialogueFactory(year=2009)
    for index in range(count):
        event = EventFactory(dialogue=dialogue)
        ContributionFactory(
            dialogue=dialogue,
            event=event,
            donor=StateDonorFactory() if index % 2 else DonorFactory(),
        )


def test_contributions_list_queries_same_at_2_and_20_events(staff):
    contributions_over_events(2)
    few = count_queries(staff, URL)
    contributions_over_events(18)
    assert count_queries(staff, URL) == few
    assert staff.get(URL).json()["count"] == 20
