"""The funding back office: every model's pages, saves through the services with the acting
staff member in the history, the history page showing each changed field before → after,
eligibility in bulk, and sponsorship decisions as admin actions."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import formats

from funding.models import (
    BudgetLine,
    Contribution,
    Donor,
    ManualAllocation,
    ProgrammeBudget,
    Sponsorship,
    SponsorshipEligibility,
)
from tests.factories import DialogueFactory, DocumentFactory, MemberStateFactory
from tests.funding.sponsorship_factories import (
    BudgetLineFactory,
    ContributionFactory,
    DonorFactory,
    EligibilityFactory,
    ProgrammeBudgetFactory,
    SponsorshipFactory,
    sponsorship_line,
)
from tests.helpers import count_queries
from tests.workshops.factories import OpenEventFactory

pytestmark = pytest.mark.django_db
MODELS = [
    "donor",
    "contribution",
    "manualallocation",
    "budgetline",
    "eventbudget",
    "programmebudget",
    "sponsorshipeligibility",
    "sponsorship",
]


def contribution_data(contribution, allocations=(), **changes):
    data = {
        "donor": contribution.donor_id,
        "dialogue": contribution.dialogue_id,
        "event": contribution.event_id or "",
        "agreement_reference": contribution.agreement_reference,
        "amount": str(contribution.amount),
        "currency": contribution.currency,
        "rate_to_usd": str(contribution.rate_to_usd),
        "rate_date": contribution.rate_date.isoformat(),
        "status": contribution.status,
        "pledged_on": contribution.pledged_on.isoformat(),
        "received_on": contribution.received_on.isoformat() if contribution.received_on else "",
        "notes": contribution.notes,
        "allocations-TOTAL_FORMS": len(allocations),
        "allocations-INITIAL_FORMS": 0,
    }
    if contribution.is_public:
        data["is_public"] = "on"
    for index, (event, amount) in enumerate(allocations):
        data[f"allocations-{index}-event"] = event.pk
        data[f"allocations-{index}-amount_usd"] = amount
    return {**data, **changes}


@pytest.fixture
def one_of_each():
    event = OpenEventFactory()
    contribution = ContributionFactory(dialogue=event.dialogue)
    ManualAllocation.objects.create(contribution=contribution, event=event, amount_usd=100)
    BudgetLineFactory(event=event)
    ProgrammeBudgetFactory(dialogue=event.dialogue)
    EligibilityFactory(dialogue=event.dialogue)
    SponsorshipFactory(registration__event=event)
    return event


@pytest.mark.parametrize("model", MODELS)
def test_admin_funding_list_and_change_pages_render(staff_client, one_of_each, model):
    changelist = staff_client.get(reverse(f"admin:funding_{model}_changelist"))
    assert changelist.status_code == 200
    obj = changelist.context["cl"].result_list[0]
    change = staff_client.get(reverse(f"admin:funding_{model}_change", args=[obj.pk]))
    assert change.status_code == 200
    history = staff_client.get(reverse(f"admin:funding_{model}_history", args=[obj.pk]))
    assert history.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_admin_funding_pages_refuse_anonymous_and_delegates(client, one_of_each, model):
    from tests.factories import FocalPointFactory

    url = reverse(f"admin:funding_{model}_changelist")
    assert client.get(url).status_code == 302
    client.force_login(FocalPointFactory())
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_admin_donor_add_through_service_with_history(staff_client, staff_user):
    state = MemberStateFactory(name="Australia")
    response = staff_client.post(
        reverse("admin:funding_donor_add"),
        {"kind": "member_state", "member_state": state.pk, "name": "", "notes": ""},
    )
    assert response.status_code == 302
    donor = Donor.objects.get()
    assert (str(donor), donor.history.latest().history_user) == ("Australia", staff_user)


def test_admin_donor_organisation_without_name_refused_beside_the_form(staff_client):
    response = staff_client.post(
        reverse("admin:funding_donor_add"), {"kind": "organization", "name": "", "notes": ""}
    )
    assert response.status_code == 200
    assert "another organization needs a name" in response.content.decode()
    assert not Donor.objects.exists()


def test_admin_contribution_history_shows_who_changed_what_before_and_after(
    staff_client, staff_user
):
    contribution = ContributionFactory(amount=Decimal("10000.00"), agreement_reference="IDM-1")
    url = reverse("admin:funding_contribution_change", args=[contribution.pk])
    response = staff_client.post(
        url,
        contribution_data(
            contribution,
            amount="12500.00",
            status="received",
            received_on="2099-02-01",
            is_public="on",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    history = staff_client.get(
        reverse("admin:funding_contribution_history", args=[contribution.pk])
    )
    html = history.content.decode()
    (latest, _created) = history.context["page_obj"].object_list
    assert latest.history_user == staff_user
    changes = {
        change["field"]: (change["old"], change["new"]) for change in latest.history_delta_changes
    }
    assert changes["Amount"] == ("10000.00", "12500.00")
    assert changes["Status"] == ("Pledged", "Received")
    received = formats.date_format(datetime.date(2099, 2, 1), "SHORT_DATE_FORMAT")
    assert changes["Received on"] == ("—", received)
    assert changes["Public"] == ("No", "Yes")
    assert "10000.00" in html and "12500.00" in html and "Received" in html
    assert str(staff_user) in html


def test_admin_contribution_currency_must_be_iso_4217(staff_client):
    contribution = ContributionFactory()
    response = staff_client.post(
        reverse("admin:funding_contribution_change", args=[contribution.pk]),
        contribution_data(contribution, currency="XYZ"),
    )
    assert response.status_code == 200
    assert "currency" in response.context["adminform"].form.errors


def test_admin_contribution_allocations_by_hand_through_the_service(staff_client, staff_user):
    contribution = ContributionFactory(
        amount=Decimal("1000.00"), currency="EUR", rate_to_usd=Decimal("1.1")
    )
    first = OpenEventFactory(dialogue=contribution.dialogue)
    second = OpenEventFactory(dialogue=contribution.dialogue)
    url = reverse("admin:funding_contribution_change", args=[contribution.pk])
    response = staff_client.post(
        url, contribution_data(contribution, [(first, "600.00"), (second, "500.00")])
    )
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    allocations = {a.event: a for a in ManualAllocation.objects.all()}
    assert allocations[first].amount_usd == Decimal("600.00")
    assert allocations[second].history.latest().history_user == staff_user


def test_admin_contribution_allocations_beyond_its_money_refused_in_the_form(staff_client):
    contribution = ContributionFactory(amount=Decimal("1000.00"))
    first = OpenEventFactory(dialogue=contribution.dialogue)
    second = OpenEventFactory(dialogue=contribution.dialogue)
    response = staff_client.post(
        reverse("admin:funding_contribution_change", args=[contribution.pk]),
        contribution_data(contribution, [(first, "600.00"), (second, "500.00")]),
    )
    assert response.status_code == 200
    assert (
        "The allocations by hand add up to 1100.00 USD; the contribution holds 1000.00 USD."
        in response.content.decode()
    )
    assert not ManualAllocation.objects.exists()


def test_admin_contribution_allocation_of_earmarked_money_refused(staff_client):
    event = OpenEventFactory()
    contribution = ContributionFactory(dialogue=event.dialogue, event=event)
    response = staff_client.post(
        reverse("admin:funding_contribution_change", args=[contribution.pk]),
        contribution_data(contribution, [(event, "10.00")]),
    )
    assert response.status_code == 200
    assert "Earmarked money already covers its event" in response.content.decode()


def test_admin_contribution_cannot_shrink_below_its_allocations(staff_client):
    contribution = ContributionFactory(amount=Decimal("1000.00"))
    event = OpenEventFactory(dialogue=contribution.dialogue)
    ManualAllocation.objects.create(contribution=contribution, event=event, amount_usd=800)
    data = contribution_data(contribution, amount="500.00")
    data.update(
        {
            "allocations-TOTAL_FORMS": 1,
            "allocations-INITIAL_FORMS": 1,
            "allocations-0-id": ManualAllocation.objects.get().pk,
            "allocations-0-contribution": contribution.pk,
            "allocations-0-event": event.pk,
            "allocations-0-amount_usd": "800.00",
        }
    )
    response = staff_client.post(
        reverse("admin:funding_contribution_change", args=[contribution.pk]), data
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["amount"] == [
        "800.00 USD of this contribution is allocated by hand; its amount cannot be less."
    ]
    contribution.refresh_from_db()
    assert contribution.amount == Decimal("1000.00")


def test_admin_budget_lines_filter_by_year_and_edit_in_the_list(staff_client, staff_user):
    line_2099 = BudgetLineFactory(amount_usd=Decimal("5000"))
    BudgetLineFactory(event__dialogue=DialogueFactory(year=2098))
    url = reverse("admin:funding_budgetline_changelist")
    response = staff_client.get(url, {"event__dialogue__id__exact": line_2099.event.dialogue_id})
    assert list(response.context["cl"].result_list) == [line_2099]
    response = staff_client.post(
        f"{url}?event__dialogue__id__exact={line_2099.event.dialogue_id}",
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": line_2099.pk,
            "form-0-amount_usd": "6500.00",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    line_2099.refresh_from_db()
    assert line_2099.amount_usd == Decimal("6500.00")
    assert line_2099.history.latest().history_user == staff_user


def test_admin_event_budget_lines_inline_and_funding_shown(staff_client, staff_user):
    event = OpenEventFactory(title="Migration and health")
    url = reverse("admin:funding_eventbudget_change", args=[event.pk])
    page = staff_client.get(url)
    assert "Subject to available funding" not in page.content.decode()  # no budget yet
    response = staff_client.post(
        url,
        {
            "budget_lines-TOTAL_FORMS": 2,
            "budget_lines-INITIAL_FORMS": 0,
            "budget_lines-0-category": "sponsored_participants",
            "budget_lines-0-amount_usd": "30000.00",
            "budget_lines-1-category": "venue",
            "budget_lines-1-amount_usd": "12000.00",
        },
    )
    assert response.status_code == 302
    assert sorted(BudgetLine.objects.values_list("category", "amount_usd")) == [
        ("sponsored_participants", Decimal("30000.00")),
        ("venue", Decimal("12000.00")),
    ]
    assert BudgetLine.objects.first().history.latest().history_user == staff_user
    html = staff_client.get(url).content.decode()
    assert "Subject to available funding. Budget 42000.00 USD, funded 0.00 USD" in html
    changelist = staff_client.get(reverse("admin:funding_eventbudget_changelist"))
    (row,) = changelist.context["cl"].result_list
    assert (row.budget_total, row.sponsorship_line, row.spent) == (
        Decimal("42000.00"),
        Decimal("30000.00"),
        0,
    )


def test_admin_event_budgets_same_query_count_at_2_and_12_events(staff_client):
    for _ in range(2):
        BudgetLineFactory()
    url = reverse("admin:funding_eventbudget_changelist")
    two = count_queries(staff_client, url)
    for _ in range(10):
        SponsorshipFactory(registration__event=BudgetLineFactory().event)
    assert count_queries(staff_client, url) == two


def test_admin_programme_budget_documents_saved_and_in_history(staff_client, staff_user):
    dialogue = DialogueFactory(year=2099)
    document = DocumentFactory(dialogue=dialogue, title="Project document IDM 2099")
    response = staff_client.post(
        reverse("admin:funding_programmebudget_add"),
        {
            "dialogue": dialogue.pk,
            "amount_usd": "250000.00",
            "description": "",
            "documents": [document.pk],
        },
    )
    assert response.status_code == 302
    budget = ProgrammeBudget.objects.get()
    assert list(budget.documents.all()) == [document]
    latest = budget.history.latest()
    assert latest.history_user == staff_user
    assert [row.document_id for row in latest.documents.all()] == [document.pk]


def test_admin_eligibility_list_filters_by_year_and_region_and_edits_in_bulk(
    staff_client, staff_user
):
    dialogue = DialogueFactory(year=2099)
    ghana = EligibilityFactory(
        dialogue=dialogue, member_state=MemberStateFactory(name="Ghana", region="africa")
    )
    EligibilityFactory(
        dialogue=dialogue, member_state=MemberStateFactory(name="Peru", region="americas")
    )
    EligibilityFactory(member_state=ghana.member_state, dialogue=DialogueFactory(year=2098))
    url = reverse("admin:funding_sponsorshipeligibility_changelist")
    query = {"dialogue__id__exact": dialogue.pk, "member_state__region__exact": "africa"}
    response = staff_client.get(url, query)
    assert list(response.context["cl"].result_list) == [ghana]
    response = staff_client.post(
        url, {"action": "mark_not_eligible", "_selected_action": [ghana.pk]}, follow=True
    )
    assert "1 states changed." in response.content.decode()
    ghana.refresh_from_db()
    assert not ghana.eligible
    assert ghana.history.latest().history_user == staff_user
    response = staff_client.post(
        f"{url}?dialogue__id__exact={dialogue.pk}&member_state__region__exact=africa",
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": ghana.pk,
            "form-0-eligible": "on",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    ghana.refresh_from_db()
    assert ghana.eligible


def test_admin_record_a_year_copies_standing_flags_of_a_region(staff_client, staff_user):
    dialogue = DialogueFactory(year=2099)
    MemberStateFactory(name="Ghana", region="africa", sponsorship_eligible=True)
    MemberStateFactory(name="Kenya", region="africa", sponsorship_eligible=False)
    MemberStateFactory(name="Peru", region="americas", sponsorship_eligible=True)
    url = reverse("admin:funding_sponsorshipeligibility_record_year")
    changelist = staff_client.get(reverse("admin:funding_sponsorshipeligibility_changelist"))
    assert f'href="{url}"' in changelist.content.decode()
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {"dialogue": dialogue.pk, "region": "africa"})
    assert response.status_code == 302
    assert "member_state__region__exact=africa" in response["Location"]
    records = SponsorshipEligibility.objects.filter(dialogue=dialogue)
    assert sorted(records.values_list("member_state__name", "eligible")) == [
        ("Ghana", True),
        ("Kenya", False),
    ]
    assert records.first().history.latest().history_user == staff_user
    staff_client.post(url, {"dialogue": dialogue.pk, "region": ""})  # again: only Peru added
    assert SponsorshipEligibility.objects.filter(dialogue=dialogue).count() == 3


def test_admin_record_a_year_refuses_anonymous(client):
    url = reverse("admin:funding_sponsorshipeligibility_record_year")
    assert client.get(url).status_code == 302


def test_admin_sponsorship_approve_action_asks_amounts_and_shows_refusals(staff_client, staff_user):
    event = OpenEventFactory()
    sponsorship_line(event, "2000")
    first = SponsorshipFactory(registration__event=event, registration__name="Ama")
    second = SponsorshipFactory(registration__event=event, registration__name="Bo")
    url = reverse("admin:funding_sponsorship_changelist")
    selected = {"action": "approve", "_selected_action": [first.pk, second.pk]}
    page = staff_client.post(url, {**selected, "index": 0})
    assert page.status_code == 200
    assert f'name="amount-{first.pk}"' in page.content.decode()
    response = staff_client.post(
        url,
        {
            **selected,
            "apply": "yes",
            f"amount-{first.pk}": "1500.00",
            f"amount-{second.pk}": "750.00",
            "note": "",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "500.00 USD left: 250.00 USD missing." in html
    assert 'value="750.00"' in html
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.amount_usd, first.decided_by) == (
        "approved",
        Decimal("1500.00"),
        staff_user,
    )
    assert second.status == "requested"


def test_admin_sponsorship_decline_and_withdraw_actions(staff_client, staff_user):
    sponsorship = SponsorshipFactory()
    url = reverse("admin:funding_sponsorship_changelist")
    response = staff_client.post(
        url,
        {
            "action": "decline",
            "_selected_action": [sponsorship.pk],
            "apply": "yes",
            "note": "Budget used up.",
        },
        follow=True,
    )
    assert "Declined: 1." in response.content.decode()
    sponsorship.refresh_from_db()
    assert (sponsorship.status, sponsorship.decision_note) == ("declined", "Budget used up.")
    response = staff_client.post(
        url, {"action": "withdraw", "_selected_action": [sponsorship.pk], "index": 0}, follow=True
    )
    assert "Withdrawn: 0." in response.content.decode()
    history = staff_client.get(reverse("admin:funding_sponsorship_history", args=[sponsorship.pk]))
    (latest, _created) = history.context["page_obj"].object_list
    changes = {c["field"]: (c["old"], c["new"]) for c in latest.history_delta_changes}
    assert changes["Status"] == ("Requested", "Declined")
    assert changes["Decided by"] == ("—", str(staff_user))
    assert "Deleted" not in history.content.decode()
    assert latest.history_user == staff_user


def test_admin_sponsorship_cannot_be_added_or_deleted_and_status_is_read_only(staff_client):
    sponsorship = SponsorshipFactory()
    assert staff_client.get(reverse("admin:funding_sponsorship_add")).status_code == 403
    change = staff_client.get(reverse("admin:funding_sponsorship_change", args=[sponsorship.pk]))
    form = change.context["adminform"].form
    assert "status" not in form.fields and "amount_usd" not in form.fields
    assert (
        staff_client.get(
            reverse("admin:funding_sponsorship_delete", args=[sponsorship.pk])
        ).status_code
        == 403
    )


def test_admin_sponsorship_list_filters_by_status_with_bounded_queries(staff_client):
    SponsorshipFactory(status=Sponsorship.Status.DECLINED)
    url = reverse("admin:funding_sponsorship_changelist")
    one = count_queries(staff_client, url)
    for _ in range(8):
        SponsorshipFactory()
    assert count_queries(staff_client, url) == one
    response = staff_client.get(url, {"status": "declined"})
    assert [s.status for s in response.context["cl"].result_list] == ["declined"]


def test_admin_contribution_list_bounded_queries(staff_client):
    ContributionFactory()
    url = reverse("admin:funding_contribution_changelist")
    one = count_queries(staff_client, url)
    for index in range(8):
        ContributionFactory(
            donor=DonorFactory(kind="member_state", member_state=MemberStateFactory(), name=""),
            pledged_on=datetime.date(2099, 1, 1 + index),
        )
    assert count_queries(staff_client, url) == one
    assert Contribution.objects.count() == 9
