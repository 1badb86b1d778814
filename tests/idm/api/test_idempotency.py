"""Idempotency-Key (idm/api/idempotency.py), through POST /api/v1/registrations/."""

import pytest
from rest_framework.authtoken.models import Token

from idm.models import IdempotencyKey
from tests.factories import StaffFactory
from tests.workshops.factories import EventFactory, OpenEventFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db
URL = "/api/v1/registrations/"
KEY = "2f1c6a0e-6a4b-4d1e-9a53-0d1b2c3d4e5f"


def body(event, **fields):
    return {
        "event": event.slug,
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation": "Ministry of Labour",
        "category": "ngo",
        **fields,
    }


def post(client, data, key=KEY, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return client.post(URL, data, format="json", **headers)


def test_idempotency_same_key_and_body_twice_one_registration_same_response(api_client):
    event = OpenEventFactory()
    first = post(api_client, body(event))
    second = post(api_client, body(event))
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert Registration.objects.count() == 1
    record = IdempotencyKey.objects.get()
    assert (record.key, record.response_status) == (KEY, 201)
    assert record.response_body["reference"] == first.json()["reference"]


def test_idempotency_same_body_in_another_key_order_is_the_same_request(api_client):
    event = OpenEventFactory()
    data = body(event)
    first = post(api_client, data)
    second = post(api_client, dict(reversed(list(data.items()))))
    assert (second.status_code, second.json()) == (201, first.json())


def test_idempotency_same_key_other_body_422_with_message(api_client):
    event = OpenEventFactory()
    assert post(api_client, body(event)).status_code == 201
    other = post(api_client, body(event, email="jose@example.org"))
    assert other.status_code == 422
    assert other.json() == {
        "detail": "This Idempotency-Key was already used with a different request. Send a new "
        "key with a new request."
    }
    assert list(Registration.objects.values_list("email", flat=True)) == ["amina@example.org"]


def test_idempotency_new_key_new_registration(api_client):
    event = OpenEventFactory()
    assert post(api_client, body(event), key="first").status_code == 201
    response = post(api_client, body(event, email="jose@example.org"), key="second")
    assert response.status_code == 201
    assert Registration.objects.count() == 2


def test_idempotency_keys_are_per_caller(api_client):
    """Another caller's key never replays someone else's response (it holds their link)."""
    event = OpenEventFactory()
    anonymous = post(api_client, body(event))
    token = Token.objects.create(user=StaffFactory())
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    staff = post(api_client, body(event, email="jose@example.org"))
    assert (anonymous.status_code, staff.status_code) == (201, 201)
    assert staff.json()["reference"] != anonymous.json()["reference"]
    assert IdempotencyKey.objects.count() == 2


def test_idempotency_refused_request_keeps_no_key_and_may_be_retried(api_client):
    event = OpenEventFactory()
    refused = post(api_client, body(event, category="member_state"))
    assert refused.status_code == 400
    assert not IdempotencyKey.objects.exists()
    corrected = post(api_client, body(event))
    assert corrected.status_code == 201
    assert Registration.objects.count() == 1


def test_idempotency_closed_event_same_400_each_time(api_client):
    event = EventFactory()
    answers = [post(api_client, body(event)) for _ in range(2)]
    assert [a.status_code for a in answers] == [400, 400]
    assert answers[0].json() == answers[1].json()
    assert not IdempotencyKey.objects.exists()


@pytest.mark.parametrize("key", ["", "a\x00b", "x" * 256, "clé", "two words"])
def test_idempotency_malformed_key_400_names_the_header(api_client, key):
    event = OpenEventFactory()
    response = post(api_client, body(event), key=key)
    assert response.status_code == 400
    assert response.json() == {
        "Idempotency-Key": ["Use 1 to 255 visible ASCII characters, for example a UUID."]
    }
    assert not Registration.objects.exists()


def test_idempotency_without_key_each_post_acts(api_client):
    event = OpenEventFactory()
    assert post(api_client, body(event), key=None).status_code == 201
    assert post(api_client, body(event), key=None).status_code == 400  # already registered
    assert not IdempotencyKey.objects.exists()


def test_schema_documents_idempotency_key_and_422_on_registration_post(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    operation = schema["paths"]["/api/v1/registrations/"]["post"]
    (parameter,) = [p for p in operation["parameters"] if p["name"] == "Idempotency-Key"]
    assert (parameter["in"], parameter.get("required", False)) == ("header", False)
    assert parameter["schema"]["maxLength"] == 255
    assert operation["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert {"201", "400", "401", "403", "415", "422", "429", "503"} <= set(operation["responses"])
    assert {} in operation["security"]  # anyone may register
    assert "422" not in schema["paths"]["/api/v1/events/"]["post"]["responses"]
