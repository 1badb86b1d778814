"""POST /api/v1/registrations/ (anyone, throttled, through the register service) and the
registrations a caller may read: staff all, a focal point their own state's."""

import pytest
from django.core import mail
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

from tests.factories import (
    DelegateFactory,
    FocalPointFactory,
    MemberStateFactory,
    StaffFactory,
)
from tests.helpers import count_queries
from tests.workshops.factories import EventFactory, OpenEventFactory, RegistrationFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db
URL = "/api/v1/registrations/"


def body(event, **fields):
    return {
        "event": event.slug,
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation": "Ministry of Labour",
        "category": "ngo",
        **fields,
    }


def with_token(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api_client


def test_register_anonymous_201_confirmed_with_page_and_email(
    api_client, django_capture_on_commit_callbacks
):
    event = OpenEventFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(URL, body(event, language="fr"), format="json")
    assert response.status_code == 201, response.content
    registration = Registration.objects.get()
    data = response.json()
    assert data["reference"] == str(registration.reference)
    assert (data["event"], data["status"], data["language"]) == (event.slug, "confirmed", "fr")
    assert data["page"] == f"http://testserver/registrations/{registration.reference}/"
    assert registration.user is None
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


def test_register_hybrid_event_online_with_needs_and_consent_stored(api_client):
    event = OpenEventFactory(capacity=5, format="hybrid")
    fields = {"participation": "online", "needs": "Captions", "listed_publicly": True}
    response = api_client.post(URL, body(event, **fields), format="json")
    assert response.status_code == 201, response.content
    registration = Registration.objects.get()
    assert (registration.participation, registration.needs, registration.listed_publicly) == (
        "online",
        "Captions",
        True,
    )


def test_register_full_event_waitlisted(api_client):
    event = OpenEventFactory(capacity=1)
    RegistrationFactory(event=event)
    response = api_client.post(URL, body(event), format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted"


def test_register_closed_event_400_with_message(api_client):
    event = EventFactory()  # 2009, never opened
    response = api_client.post(URL, body(event), format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["Registration for this event is closed."]}
    assert not Registration.objects.exists()


def test_register_state_delegate_without_state_400_on_member_state(api_client):
    event = OpenEventFactory()
    response = api_client.post(URL, body(event, category="member_state"), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["member_state"]
    state = MemberStateFactory(code="PH")
    response = api_client.post(
        URL, body(event, category="member_state", member_state="PH"), format="json"
    )
    assert response.status_code == 201
    assert Registration.objects.get().member_state == state


def test_register_same_email_twice_without_key_400_duplicate(api_client):
    event = OpenEventFactory()
    assert api_client.post(URL, body(event), format="json").status_code == 201
    second = api_client.post(URL, body(event, email="AMINA@example.org"), format="json")
    assert second.status_code == 400
    assert second.json() == {"email": ["This email address is already registered for this event."]}


def test_register_logged_in_delegate_links_account(api_client):
    delegate = DelegateFactory(email="jose@example.org")
    event = OpenEventFactory()
    response = with_token(api_client, delegate).post(
        URL, body(event, email="jose@example.org"), format="json"
    )
    assert response.status_code == 201
    assert Registration.objects.get().user == delegate


def test_register_throttled_by_registrations_scope(api_client, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle,
        "THROTTLE_RATES",
        {"anon": "100/minute", "user": "100/minute", "registrations": "2/hour"},
    )
    event = OpenEventFactory()
    codes = [
        api_client.post(URL, body(event, email=f"p{i}@example.org"), format="json").status_code
        for i in range(3)
    ]
    assert codes == [201, 201, 429]
    assert api_client.get("/api/v1/events/").status_code == 200  # only registering is limited
    assert Registration.objects.count() == 2


class Readers:
    """Registrations of two states and the callers of the route matrix."""

    def __init__(self):
        self.ph, self.mx = MemberStateFactory(code="PH"), MemberStateFactory(code="MX")
        event = OpenEventFactory()
        self.ph_registration = RegistrationFactory(
            event=event, category="member_state", member_state=self.ph
        )
        self.mx_registration = RegistrationFactory(
            event=event, category="member_state", member_state=self.mx
        )
        self.ngo_registration = RegistrationFactory(event=event)
        self.users = {
            "staff": StaffFactory(),
            "focal_point": FocalPointFactory(member_state=self.ph),
            "colleague": DelegateFactory(member_state=self.ph),
            "other_focal_point": FocalPointFactory(member_state=self.mx),
        }


# caller -> (list status, references listed, PH detail status, MX detail status)
READ_MATRIX = {
    "staff": (200, {"ph", "mx", "ngo"}, 200, 200),
    "focal_point": (200, {"ph"}, 200, 404),
    "other_focal_point": (200, {"mx"}, 404, 200),
    "colleague": (403, None, 403, 403),
    "anonymous": (401, None, 401, 401),
}


@pytest.mark.parametrize("caller", list(READ_MATRIX))
def test_registrations_read_route_matrix(api_client, caller):
    readers = Readers()
    if caller != "anonymous":
        with_token(api_client, readers.users[caller])
    names = {
        str(readers.ph_registration.reference): "ph",
        str(readers.mx_registration.reference): "mx",
        str(readers.ngo_registration.reference): "ngo",
    }
    list_status, listed, ph_status, mx_status = READ_MATRIX[caller]
    listing = api_client.get(URL)
    assert listing.status_code == list_status
    if listed is not None:
        assert {names[row["reference"]] for row in listing.json()["results"]} == listed
    ph = api_client.get(f"{URL}{readers.ph_registration.reference}/")
    mx = api_client.get(f"{URL}{readers.mx_registration.reference}/")
    assert (ph.status_code, mx.status_code) == (ph_status, mx_status)
    if ph_status == 200:
        assert ph.json()["member_state"] == "PH"


def test_registrations_focal_point_list_same_queries_at_1_and_30_rows(api_client):
    state = MemberStateFactory(code="PH")
    with_token(api_client, FocalPointFactory(member_state=state))
    event = OpenEventFactory()

    def add(count):
        for _ in range(count):
            RegistrationFactory(event=event, category="member_state", member_state=state)

    add(1)
    one = count_queries(api_client, URL)
    add(29)
    assert count_queries(api_client, URL) == one
    assert api_client.get(URL).json()["count"] == 30


def test_registrations_staff_list_same_queries_at_1_and_30_rows(api_client):
    with_token(api_client, StaffFactory())
    RegistrationFactory()
    one = count_queries(api_client, URL)
    RegistrationFactory.create_batch(29)
    assert count_queries(api_client, URL) == one
