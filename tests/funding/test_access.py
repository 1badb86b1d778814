"""Acceptance 4 (pages and API): anonymous visitors, delegates and focal points never see a
non-public donor or amount, nor budgets; IOM staff see them. Route matrix over every funding
route of part "core", asserting on the response bodies."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import DelegateFactory, DialogueFactory, FocalPointFactory, StaffFactory
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    DonorFactory,
    ManualAllocationFactory,
    StateDonorFactory,
)
from tests.workshops.factories import EventFactory

pytestmark = pytest.mark.django_db

D = Decimal
ROLES = ["anonymous", "delegate", "focal_point", "staff"]
# What only staff may see: the non-public donors, their amounts (as given and in USD, with
# and without thousands separators) and the budgets.
SECRETS = [
    "Quiet Trust",
    "Secretland",
    "76543.21",
    "76,543.21",
    "84197.53",  # 76,543.21 EUR × 1.1
    "84,197.53",
    "3210.98",
    "3,210.98",
    "123456.00",
    "123,456.00",
]


@pytest.fixture
def world():
    dialogue = DialogueFactory(year=2009)
    event = EventFactory(
        dialogue=dialogue,
        slug="human-rights",
        start_date=datetime.date(2009, 3, 25),
        end_date=datetime.date(2009, 3, 26),
    )
    other = EventFactory(dialogue=dialogue, slug="trafficking")
    line = BudgetLineFactory(event=event, amount_usd=D("123456.00"))
    BudgetLineFactory(event=other, amount_usd=D("500000.00"))
    public = ContributionFactory(
        dialogue=dialogue,
        event=event,
        donor=DonorFactory(name="Open Foundation"),
        amount=D("45000.00"),
        is_public=True,
    )
    hidden = ContributionFactory(
        dialogue=dialogue,
        event=event,
        donor=DonorFactory(name="Quiet Trust"),
        amount=D("76543.21"),
        currency="EUR",
        rate_to_usd=D("1.1"),
    )
    by_hand = ContributionFactory(
        dialogue=dialogue,
        donor=StateDonorFactory(member_state__name="Secretland"),
        amount=D("3210.98"),
    )
    ManualAllocationFactory(contribution=by_hand, event=event, amount_usd=D("3210.98"))
    return {
        "event": event,
        "line": line,
        "public": public,
        "hidden": hidden,
        "donor": hidden.donor,
    }


def page_client(role, request):
    if role == "staff":
        return request.getfixturevalue("staff_client")
    client = Client()
    if role == "delegate":
        client.force_login(DelegateFactory())
    elif role == "focal_point":
        client.force_login(FocalPointFactory())
    return client


def api_client(role):
    client = APIClient()
    users = {"delegate": DelegateFactory, "focal_point": FocalPointFactory, "staff": StaffFactory}
    if role in users:
        token = Token.objects.create(user=users[role]())
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def page_routes(world):
    event = world["event"]
    return [event.get_absolute_url(), "/dialogues/2009/", "/"]


def api_routes(world):
    return {
        # route: may a non-staff caller read it?
        "/api/v1/events/human-rights/funding/": True,
        "/api/v1/events/human-rights/": True,
        "/api/v1/contributions/": False,
        f"/api/v1/contributions/{world['hidden'].pk}/": False,
        f"/api/v1/contributions/?event=human-rights&year=2009&donor={world['donor'].pk}": False,
        "/api/v1/budgets/": False,
        f"/api/v1/budgets/{world['line'].pk}/": False,
        "/api/v1/donors/": False,
        f"/api/v1/donors/{world['donor'].pk}/": False,
    }


@pytest.mark.parametrize("role", ROLES)
def test_funding_pages_never_show_non_public_donors_or_amounts_but_to_staff(world, role, request):
    client = page_client(role, request)
    bodies = []
    for url in page_routes(world):
        answer = client.get(url)
        assert answer.status_code == 200, url
        bodies.append(answer.content.decode())
    everything = "\n".join(bodies)
    assert "Open Foundation — USD 45,000.00" in bodies[0]  # the public donor is thanked
    if role == "staff":
        assert "123,456.00" in bodies[0]  # staff see the budget
        return
    leaked = [secret for secret in SECRETS if secret in everything]
    assert leaked == []


@pytest.mark.parametrize("role", ROLES)
def test_funding_api_never_shows_non_public_donors_or_amounts_but_to_staff(world, role):
    client = api_client(role)
    seen = []
    for url, public in api_routes(world).items():
        answer = client.get(url)
        if role == "staff" or public:
            assert answer.status_code == 200, url
        else:
            expected = 401 if role == "anonymous" else 403
            assert (answer.status_code, set(answer.json())) == (expected, {"detail"}), url
        seen.append(answer.content.decode())
    everything = "\n".join(seen)
    assert "Open Foundation" in everything and "45000.00" in everything
    leaked = [secret for secret in SECRETS if secret in everything]
    if role == "staff":
        assert {"Quiet Trust", "Secretland", "76543.21", "84197.53", "123456.00"} <= set(leaked)
    else:
        assert leaked == []
