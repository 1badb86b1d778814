"""The funding part of the seed: demo budgets for the two 2009 workshops, no contributions,
so that they read "subject to available funding" from the numbers (acceptance 2)."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from funding.models import BudgetLine, Contribution, ProgrammeBudget
from tests.factories import StaffFactory
from tests.funding.factories import StateDonorFactory
from workshops.models import Event

pytestmark = pytest.mark.django_db

HUMAN_RIGHTS = "2009-human-rights-of-migrants"
TRAFFICKING = "2009-trafficking-and-exploitation-of-migrants"


def funding_summary(client, slug, **headers):
    answer = client.get(f"/api/v1/events/{slug}/funding/", **headers)
    assert answer.status_code == 200, answer.content
    return answer.json()


def page(client, slug):
    answer = client.get(f"/events/{slug}/")
    assert answer.status_code == 200
    return answer.content.decode()


def test_seed_gives_2009_workshops_demo_budgets_and_no_contribution():
    call_command("seed_idm")
    lines = BudgetLine.objects.select_related("event").order_by("event__start_date", "category")
    assert {line.event.slug for line in lines} == {HUMAN_RIGHTS, TRAFFICKING}
    assert all(line.is_demo and "Demo figure" in line.description for line in lines)
    totals = {
        slug: sum(line.amount_usd for line in lines if line.event.slug == slug)
        for slug in (HUMAN_RIGHTS, TRAFFICKING)
    }
    assert totals == {HUMAN_RIGHTS: Decimal("210000.00"), TRAFFICKING: Decimal("200000.00")}
    sponsored = lines.get(event__slug=HUMAN_RIGHTS, category="sponsored_participants")
    assert sponsored.amount_usd == Decimal("150000.00")  # most of it, as the note says
    programme = ProgrammeBudget.objects.get(dialogue__year=2009)
    assert (programme.amount_usd, programme.is_demo) == (Decimal("410000.00"), True)
    assert "Demo figures" in programme.description
    assert "entire IDM workshop programme" in programme.description
    assert not Contribution.objects.exists()
    assert set(
        Event.objects.filter(dialogue__year=2009, kind="workshop").values_list("status", flat=True)
    ) == {"proposed"}


def test_seed_twice_writes_nothing_new():
    call_command("seed_idm")
    counts = (BudgetLine.history.count(), ProgrammeBudget.history.count())
    call_command("seed_idm")
    assert (BudgetLine.history.count(), ProgrammeBudget.history.count()) == counts
    assert BudgetLine.objects.count() == 12


def test_seed_again_keeps_a_figure_staff_approved():
    call_command("seed_idm")
    line = BudgetLine.objects.get(event__slug=TRAFFICKING, category="venue")
    line.amount_usd, line.is_demo = Decimal("9999.99"), False
    line.save()
    demo_line = BudgetLine.objects.get(event__slug=TRAFFICKING, category="other")
    demo_line.amount_usd = Decimal("1.00")
    demo_line.save()

    call_command("seed_idm")

    line.refresh_from_db()
    demo_line.refresh_from_db()
    assert (line.amount_usd, line.is_demo) == (Decimal("9999.99"), False)
    assert demo_line.amount_usd == Decimal("5000.00")  # still a demo figure: the seed's


def test_seeded_2009_workshops_read_subject_to_available_funding_pages_and_api(client, api_client):
    call_command("seed_idm")
    for slug in (HUMAN_RIGHTS, TRAFFICKING):
        content = page(client, slug)
        assert 'data-testid="funding-status" data-status="subject_to_funding"' in content
        assert "Subject to available funding" in content
        assert "0% of the budget is funded" in content
        assert "demo figures" in content
        assert funding_summary(api_client, slug) == {
            "event": slug,
            "dialogue_year": 2009,
            "status": "subject_to_funding",
            "status_label": "Subject to available funding",
            "percent_funded": 0,
            "demo_budget": True,
            "donors": [],
        }
    dialogue = client.get("/dialogues/2009/").content.decode()
    assert dialogue.count('data-status="subject_to_funding"') == 2


def test_seeded_2008_events_have_no_budget_and_show_no_funding(client, api_client):
    call_command("seed_idm")
    content = page(client, "2008-managing-return-migration")
    assert 'data-testid="funding-status"' not in content
    assert 'data-testid="event-funding"' not in content
    summary = funding_summary(api_client, "2008-managing-return-migration")
    assert (summary["status"], summary["percent_funded"]) == ("not_budgeted", None)


def test_earmarked_contribution_covering_one_seeded_workshop_changes_that_one_only(
    client, api_client
):
    call_command("seed_idm")
    donor = StateDonorFactory(member_state__name="Switzerland", member_state__code="CH")
    token = Token.objects.create(user=StaffFactory())
    created = api_client.post(
        "/api/v1/contributions/",
        {
            "donor": donor.pk,
            "dialogue_year": 2009,
            "event": HUMAN_RIGHTS,
            "amount": "210000.00",
            "currency": "USD",
            "rate_to_usd": "1",
            "status": "pledged",
            "is_public": True,
        },
        format="json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert created.status_code == 201, created.content

    covered = funding_summary(api_client, HUMAN_RIGHTS)
    assert (covered["status"], covered["percent_funded"]) == ("funded", 100)
    assert covered["donors"] == [
        {
            "name": "Switzerland",
            "member_state": "CH",
            "amount": "210000.00",
            "currency": "USD",
            "earmarked": True,
        }
    ]
    other = funding_summary(api_client, TRAFFICKING)
    assert (other["status"], other["percent_funded"], other["donors"]) == (
        "subject_to_funding",
        0,
        [],
    )
    assert 'data-status="funded"' in page(client, HUMAN_RIGHTS)
    assert "Switzerland" in page(client, HUMAN_RIGHTS)
    trafficking = page(client, TRAFFICKING)
    assert 'data-status="subject_to_funding"' in trafficking
    assert "Switzerland" not in trafficking
