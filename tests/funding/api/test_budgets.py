"""/api/v1/budgets/: the budget lines of events, staff tokens only, written through
funding/services.py."""

from decimal import Decimal

import pytest

from funding.models import BudgetLine
from tests.factories import DialogueFactory
from tests.funding.api.helpers import client_as
from tests.funding.factories import BudgetLineFactory
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory

pytestmark = pytest.mark.django_db

D = Decimal
URL = "/api/v1/budgets/"


@pytest.fixture
def staff():
    return client_as("staff")


def test_budgets_list_lines_with_event_and_year(staff):
    line = BudgetLineFactory(
        event__slug="human-rights",
        category="interpretation",
        amount_usd=D("28000.00"),
        description="Three languages",
        is_demo=True,
    )
    (row,) = staff.get(URL).json()["results"]
    assert row == {
        "url": f"http://testserver{URL}{line.pk}/",
        "id": line.pk,
        "event": "human-rights",
        "dialogue_year": 2009,
        "category": "interpretation",
        "amount_usd": "28000.00",
        "description": "Three languages",
        "is_demo": True,
    }


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("delegate", 403), ("focal_point", 403)]
)
def test_budgets_refused_to_everyone_but_staff(role, status):
    line = BudgetLineFactory()
    client = client_as(role)
    for answer in (
        client.get(URL),
        client.get(f"{URL}{line.pk}/"),
        client.post(URL, {"amount_usd": "1.00"}, format="json"),
        client.patch(f"{URL}{line.pk}/", {"amount_usd": "1.00"}, format="json"),
        client.delete(f"{URL}{line.pk}/"),
    ):
        assert answer.status_code == status
        assert "100000" not in answer.content.decode()
    assert BudgetLine.objects.get().amount_usd == D("100000.00")


def test_budgets_filter_by_year_event_category(staff):
    a = BudgetLineFactory(event__slug="a", category="venue")
    b = BudgetLineFactory(event__slug="b", category="venue")
    c = BudgetLineFactory(event=a.event, category="other")
    later = BudgetLineFactory(event__slug="c", event__dialogue=DialogueFactory(year=2010))

    def ids(**params):
        answer = staff.get(URL, params)
        assert answer.status_code == 200, answer.content
        return {row["id"] for row in answer.json()["results"]}

    assert ids(year=2009) == {a.pk, b.pk, c.pk}
    assert ids(event="a") == {a.pk, c.pk}
    assert ids(year=2009, category="venue") == {a.pk, b.pk}
    assert ids(year=2010) == {later.pk}
    assert ids(is_demo="true") == set()
    assert staff.get(URL, {"year": "2009.5"}).status_code == 400


def test_budgets_create_patch_delete_through_service(staff):
    EventFactory(slug="human-rights")
    created = staff.post(
        URL,
        {"event": "human-rights", "category": "venue", "amount_usd": "12000.50"},
        format="json",
    )
    assert created.status_code == 201, created.content
    line = BudgetLine.objects.get()
    assert (line.amount_usd, line.is_demo) == (D("12000.50"), False)
    assert line.history.get().history_user == staff.user

    changed = staff.patch(f"{URL}{line.pk}/", {"amount_usd": "13000"}, format="json")
    assert (changed.status_code, changed.json()["amount_usd"]) == (200, "13000.00")

    assert staff.delete(f"{URL}{line.pk}/").status_code == 204
    assert not BudgetLine.objects.exists()
    assert BudgetLine.history.filter(history_type="-").get().history_user == staff.user


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_usd": "-1.00"}, "amount_usd"),
        ({"amount_usd": "a lot"}, "amount_usd"),
        ({"amount_usd": "12.345"}, "amount_usd"),
        ({"category": "catering"}, "category"),
        ({"event": "no-such-event"}, "event"),
    ],
)
def test_budgets_bad_input_400_field_errors(staff, change, field):
    EventFactory(slug="human-rights")
    body = {"event": "human-rights", "category": "venue", "amount_usd": "100.00", **change}
    answer = staff.post(URL, body, format="json")
    assert answer.status_code == 400
    assert field in answer.json()
    assert not BudgetLine.objects.exists()


def test_budgets_second_line_of_a_category_refused(staff):
    line = BudgetLineFactory(category="venue")
    answer = staff.post(
        URL,
        {"event": line.event.slug, "category": "venue", "amount_usd": "1.00"},
        format="json",
    )
    assert answer.status_code == 400
    assert "The event already has a line for this category." in str(answer.json())
    assert BudgetLine.objects.count() == 1


def lines_over_events(count):
    dialogue = DialogueFactory(year=2009)
    for _index in range(count):
        BudgetLineFactory(event=EventFactory(dialogue=dialogue))


def test_budgets_list_queries_same_at_2_and_20_events(staff):
    lines_over_events(2)
    few = count_queries(staff, URL)
    lines_over_events(18)
    assert count_queries(staff, URL) == few
    assert staff.get(URL).json()["count"] == 20
