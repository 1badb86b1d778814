"""The staff registration list (filters, approve/decline one by one and in bulk) and the
focal points' nominations page: route matrix, decisions, history, query counts."""

import pytest
from django.test import Client

from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.helpers import count_queries
from tests.idm.factories import verify_staff_session
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def client_of(user):
    client = Client()
    if user is not None:
        client.force_login(user)
        if user.is_staff:
            verify_staff_session(client, user)
    return client


@pytest.fixture
def philippines():
    return MemberStateFactory(code="PH", iso3="PHL", name="Philippines")


def people(state):
    """owner (focal point of `state`), colleague, outsider, anonymous, staff."""
    other = MemberStateFactory(code="MX", iso3="MEX", name="Mexico")
    return {
        "owner": FocalPointFactory(member_state=state),
        "colleague": DelegateFactory(member_state=state),
        "outsider": FocalPointFactory(member_state=other),
        "anonymous": None,
        "staff": StaffFactory(),
    }


def test_staff_registrations_route_matrix(philippines):
    event = OpenEventFactory()
    expected = {"owner": 403, "colleague": 403, "outsider": 403, "anonymous": 302, "staff": 200}
    for role, user in people(philippines).items():
        response = client_of(user).get(f"/events/{event.slug}/registrations/")
        assert response.status_code == expected[role], role
        if role == "anonymous":
            assert response["Location"].startswith("/accounts/login/")


def test_nominate_route_matrix(philippines):
    event = OpenEventFactory()
    RegistrationFactory(
        event=event, category="member_state", member_state=philippines, name="Maria Santos"
    )
    expected = {"owner": 200, "colleague": 403, "outsider": 200, "anonymous": 302, "staff": 403}
    for role, user in people(philippines).items():
        response = client_of(user).get(f"/events/{event.slug}/nominate/")
        assert response.status_code == expected[role], role
        if expected[role] == 200:
            shows_state_registration = "Maria Santos" in response.content.decode()
            assert shows_state_registration == (role == "owner"), role


def test_withdraw_route_matrix_and_confirmation(philippines):
    event = OpenEventFactory(capacity=1)
    nominee = RegistrationFactory(event=event, category="member_state", member_state=philippines)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITLISTED)
    url = f"/events/{event.slug}/nominate/{nominee.pk}/withdraw/"
    users = people(philippines)
    expected = {"colleague": 403, "outsider": 404, "anonymous": 302, "staff": 403}
    for role, status in expected.items():
        assert client_of(users[role]).get(url).status_code == status, role
        assert client_of(users[role]).post(url).status_code == status, role
    owner = client_of(users["owner"])
    page = owner.get(url)
    assert "Withdraw" in page.content.decode() and "cannot be undone" in page.content.decode()
    nominee.refresh_from_db()
    assert nominee.status == "confirmed"  # a GET only asks
    assert owner.post(url).status_code == 302
    nominee.refresh_from_db()
    waiting.refresh_from_db()
    assert (nominee.status, waiting.status) == ("cancelled", "confirmed")
    assert nominee.history.order_by("-history_id").first().history_user == users["owner"]


def test_nominate_new_person_and_delegate(philippines):
    focal_point = FocalPointFactory(member_state=philippines, email="fp@ph.example.org")
    colleague = DelegateFactory(
        member_state=philippines, first_name="Jose", last_name="Rizal", email="jose@ph.example.org"
    )
    event = OpenEventFactory(requires_approval=True, per_state_limit=3)
    client = client_of(focal_point)
    url = f"/events/{event.slug}/nominate/"
    response = client.post(
        url, {"name": "Maria Santos", "email": "maria@ph.example.org", "organisation": "DFA"}
    )
    assert response.status_code == 302
    response = client.post(url, {"delegate": colleague.pk, "organisation": "DFA"})
    assert response.status_code == 302
    rows = event.registrations.order_by("pk").values_list(
        "name", "email", "status", "nominated_by", "user", "member_state__code"
    )
    assert list(rows) == [
        ("Maria Santos", "maria@ph.example.org", "pending", focal_point.pk, None, "PH"),
        ("Jose Rizal", "jose@ph.example.org", "pending", focal_point.pk, colleague.pk, "PH"),
    ]
    page = client.get(url).content.decode()
    assert "2 of 3 places for your state are taken." in page


def test_nominate_beyond_state_limit_shows_message(philippines):
    focal_point = FocalPointFactory(member_state=philippines)
    event = OpenEventFactory(per_state_limit=1)
    RegistrationFactory(event=event, category="member_state", member_state=philippines)
    response = client_of(focal_point).post(
        f"/events/{event.slug}/nominate/",
        {"name": "Maria Santos", "email": "maria@ph.example.org", "organisation": "DFA"},
    )
    assert response.status_code == 200
    assert "Philippines has reached its limit of 1 participants for this event." in (
        response.content.decode()
    )
    assert event.registrations.count() == 1


def test_nominate_new_person_needs_name_and_email(philippines):
    event = OpenEventFactory()
    response = client_of(FocalPointFactory(member_state=philippines)).post(
        f"/events/{event.slug}/nominate/", {"organisation": "DFA"}
    )
    assert response.context["form"].errors == {
        "name": ["Give the name, or choose a delegate."],
        "email": ["Give the email address, or choose a delegate."],
    }


def test_staff_bulk_approve_and_single_decline_with_history(philippines):
    staff = StaffFactory()
    event = OpenEventFactory(capacity=1, requires_approval=True)
    first, second, third = (
        RegistrationFactory(event=event, status=Registration.Status.PENDING) for _ in range(3)
    )
    client = client_of(staff)
    url = f"/events/{event.slug}/registrations/"
    response = client.post(url, {"action": "approve", "registrations": [first.pk, second.pk]})
    assert response.status_code == 302
    response = client.post(url, {"action": "decline", "registrations": [third.pk]})
    assert response.status_code == 302
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "waitlisted", "declined"]
    for registration in (first, second, third):
        assert registration.history.order_by("-history_id").first().history_user == staff
    page = client.get(url).content.decode()
    assert "Confirmed: 1" in page and "Waiting list: 1" in page and "Declined: 1" in page


def test_staff_decision_without_selection_changes_nothing():
    event = OpenEventFactory(requires_approval=True)
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    client = client_of(StaffFactory())
    response = client.post(f"/events/{event.slug}/registrations/", {"action": "approve"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Select at least one registration." in page
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_staff_registrations_filters_and_shows_nominator(philippines):
    focal_point = FocalPointFactory(member_state=philippines, first_name="Ana", last_name="Cruz")
    event = OpenEventFactory()
    RegistrationFactory(
        event=event,
        name="Maria Santos",
        category="member_state",
        member_state=philippines,
        nominated_by=focal_point,
        status=Registration.Status.PENDING,
    )
    RegistrationFactory(event=event, name="Someone Else", category="ngo")
    client = client_of(StaffFactory())
    url = f"/events/{event.slug}/registrations/"
    page = client.get(url, {"state": "PH", "status": "pending"}).content.decode()
    assert "Maria Santos" in page and "Ana Cruz" in page and "Someone Else" not in page
    page = client.get(url, {"category": "ngo"}).content.decode()
    assert "Someone Else" in page and "Maria Santos" not in page


def test_staff_registrations_same_query_count_for_1_and_30_rows(philippines):
    event = OpenEventFactory()
    client = client_of(StaffFactory())
    url = f"/events/{event.slug}/registrations/"

    def add(count):
        for _ in range(count):
            RegistrationFactory(
                event=event,
                category="member_state",
                member_state=philippines,
                nominated_by=FocalPointFactory(member_state=philippines),
            )

    add(1)
    one = count_queries(client, url)
    add(29)
    assert count_queries(client, url) == one


def test_nominations_page_same_query_count_for_1_and_30_rows(philippines):
    focal_point = FocalPointFactory(member_state=philippines)
    event = OpenEventFactory()
    client = client_of(focal_point)
    url = f"/events/{event.slug}/nominate/"

    def add(count):
        for _ in range(count):
            DelegateFactory(member_state=philippines)
            RegistrationFactory(
                event=event,
                category="member_state",
                member_state=philippines,
                nominated_by=FocalPointFactory(member_state=philippines),
            )

    add(1)
    one = count_queries(client, url)
    add(29)
    assert count_queries(client, url) == one


def test_event_page_links_focal_point_and_staff(philippines):
    event = OpenEventFactory()
    focal_point_page = client_of(FocalPointFactory(member_state=philippines)).get(
        event.get_absolute_url()
    )
    assert f"/events/{event.slug}/nominate/" in focal_point_page.content.decode()
    staff_page = client_of(StaffFactory()).get(event.get_absolute_url()).content.decode()
    assert f"/events/{event.slug}/registrations/" in staff_page
    anonymous_page = Client().get(event.get_absolute_url()).content.decode()
    assert "/nominate/" not in anonymous_page and "/registrations/" not in anonymous_page
