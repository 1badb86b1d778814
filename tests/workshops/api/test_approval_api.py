"""API approve/decline actions: staff tokens only, the same services (seats, waiting list,
history with the acting user), 409 for a registration that is not awaiting that decision."""

import pytest
from rest_framework.authtoken.models import Token

from tests.factories import FocalPointFactory, StaffFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def authenticate(api_client, user):
    token = Token.objects.create(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")


def test_api_approve_confirms_then_waitlists_with_acting_user(api_client):
    staff = StaffFactory()
    authenticate(api_client, staff)
    event = OpenEventFactory(capacity=1, requires_approval=True)
    first, second = (
        RegistrationFactory(event=event, status=Registration.Status.PENDING) for _ in range(2)
    )
    response = api_client.post(f"/api/v1/registrations/{first.reference}/approve/")
    assert (response.status_code, response.json()["status"]) == (200, "confirmed")
    response = api_client.post(f"/api/v1/registrations/{second.reference}/approve/")
    assert (response.status_code, response.json()["status"]) == (200, "waitlisted")
    assert first.history.order_by("-history_id").first().history_user == staff


def test_api_decline_and_conflicts(api_client):
    authenticate(api_client, StaffFactory())
    registration = RegistrationFactory(status=Registration.Status.PENDING)
    url = f"/api/v1/registrations/{registration.reference}"
    response = api_client.post(f"{url}/decline/")
    assert (response.status_code, response.json()["status"]) == (200, "declined")
    response = api_client.post(f"{url}/decline/")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "This registration is cancelled, declined or attended already."
    }
    response = api_client.post(f"{url}/approve/")
    assert response.status_code == 409
    assert response.json() == {"detail": "Only a pending registration can be approved."}


def test_api_approve_refused_to_anonymous_and_focal_point(api_client):
    registration = RegistrationFactory(status=Registration.Status.PENDING)
    url = f"/api/v1/registrations/{registration.reference}/approve/"
    assert api_client.post(url).status_code == 401
    authenticate(api_client, FocalPointFactory())
    assert api_client.post(url).status_code == 403
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_api_schema_lists_approve_and_decline_with_conflict(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for name in ("approve", "decline"):
        operation = schema["paths"][f"/api/v1/registrations/{{reference}}/{name}/"]["post"]
        assert {"200", "401", "403", "404", "409"} <= set(operation["responses"])
        assert "requestBody" not in operation
