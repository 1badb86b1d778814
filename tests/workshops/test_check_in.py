"""Check-in at the door: the service, the signed badge token, the page and the API action."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tests.factories import DelegateFactory, StaffFactory
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops import services
from workshops.badges import check_in_token, registration_for_token
from workshops.models import Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status
NINE_TWELVE = timezone.make_aware(datetime.datetime(2009, 3, 25, 9, 12))  # Geneva time


def test_check_in_marks_attended_with_time_actor_and_history():
    registration = RegistrationFactory(status=Status.CONFIRMED)
    staff = StaffFactory()
    services.check_in(registration=registration, by=staff, now=NINE_TWELVE)
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    assert registration.checked_in_at == NINE_TWELVE
    assert registration.checked_in_by == staff
    latest = registration.history.first()
    assert latest.history_user == staff and latest.status == Status.ATTENDED


def test_check_in_twice_says_when_the_first_was():
    registration = RegistrationFactory(status=Status.CONFIRMED)
    services.check_in(registration=registration, by=StaffFactory(), now=NINE_TWELVE)
    with pytest.raises(services.AlreadyCheckedIn) as already:
        services.check_in(registration=registration, by=StaffFactory())
    assert already.value.registration.checked_in_at == NINE_TWELVE
    assert registration.history.count() == 2  # created, checked in: the refusal wrote nothing


@pytest.mark.parametrize("status", [Status.PENDING, Status.WAITLISTED, Status.CANCELLED])
def test_check_in_refuses_participants_not_confirmed(status):
    registration = RegistrationFactory(status=status)
    with pytest.raises(ValidationError, match="is not a confirmed participant"):
        services.check_in(registration=registration, by=StaffFactory())
    registration.refresh_from_db()
    assert registration.status == status and registration.checked_in_at is None


def test_check_in_token_names_the_registration_and_nothing_secret():
    registration = RegistrationFactory()
    token = check_in_token(registration)
    assert registration_for_token(token, event=registration.event) == registration
    assert str(registration.reference) not in token
    assert registration.reference.hex not in token
    assert registration.email not in token


def test_check_in_token_refused_when_forged_or_for_another_event():
    registration = RegistrationFactory()
    token = check_in_token(registration)
    other_event = EventFactory()
    assert registration_for_token(token, event=other_event) is None
    payload, signature = token.rsplit(":", 1)
    assert registration_for_token(f"{payload}:{signature[:-1]}x", event=registration.event) is None
    assert registration_for_token("not a token", event=registration.event) is None


def check_in_page(event):
    return f"/events/{event.slug}/check-in/"


def test_check_in_page_typed_token_then_second_time_already_checked_in(staff_client):
    registration = RegistrationFactory(status=Status.CONFIRMED, name="Awa Koné")
    page = check_in_page(registration.event)
    response = staff_client.post(page, {"code": check_in_token(registration)}, follow=True)
    assert "Checked in: Awa Koné." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED
    at = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
    response = staff_client.post(page, {"code": check_in_token(registration)}, follow=True)
    assert f"Awa Koné is already checked in at {at}." in response.content.decode()


def test_check_in_page_second_scan_shows_the_local_time_of_the_first(staff_client):
    registration = RegistrationFactory(status=Status.CONFIRMED, name="Carla Mora")
    services.check_in(registration=registration, by=StaffFactory(), now=NINE_TWELVE)
    response = staff_client.post(
        check_in_page(registration.event), {"code": str(registration.pk)}, follow=True
    )
    assert "Carla Mora is already checked in at 09:12." in response.content.decode()


def test_check_in_page_name_search_then_check_in_button(staff_client):
    registration = RegistrationFactory(status=Status.CONFIRMED, name="Greta Weber")
    RegistrationFactory(event=registration.event, name="Hans Braun")
    page = check_in_page(registration.event)
    html = staff_client.get(page, {"q": "greta"}).content.decode()
    assert "Greta Weber" in html and "Hans Braun" not in html
    response = staff_client.post(page, {"registration": registration.pk}, follow=True)
    assert "Checked in: Greta Weber." in response.content.decode()
    assert "1 of 2 expected participants checked in." in response.content.decode()


def test_check_in_page_refuses_token_of_another_event(staff_client):
    registration = RegistrationFactory(status=Status.CONFIRMED)
    other = EventFactory()
    response = staff_client.post(
        check_in_page(other), {"code": check_in_token(registration)}, follow=True
    )
    assert "No participant of this event has this code." in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_page_refuses_waitlisted_participant(staff_client):
    registration = RegistrationFactory(status=Status.WAITLISTED, name="Wendy")
    response = staff_client.post(
        check_in_page(registration.event), {"code": str(registration.pk)}, follow=True
    )
    assert "Wendy is not a confirmed participant (Waiting list)." in response.content.decode()


def api_client_for(api_client, user):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api_client


def check_in_api(registration):
    return f"/api/v1/registrations/{registration.reference}/check-in/"


def test_api_check_in_staff_token_then_409_already_checked_in(api_client):
    registration = RegistrationFactory(status=Status.CONFIRMED)
    staff = StaffFactory(email="door@iom.example.org")
    client = api_client_for(api_client, staff)
    response = client.post(check_in_api(registration))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "attended"
    assert response.json()["checked_in_by"] == "door@iom.example.org"
    assert response.json()["checked_in_at"] is not None
    again = client.post(check_in_api(registration))
    assert again.status_code == 409
    assert again.json()["detail"].startswith("Already checked in at ")
    registration.refresh_from_db()
    assert registration.checked_in_by == staff


def test_api_check_in_refused_to_anonymous_and_delegates(api_client):
    registration = RegistrationFactory(status=Status.CONFIRMED)
    assert api_client.post(check_in_api(registration)).status_code == 401
    delegate = api_client_for(api_client, DelegateFactory())
    assert delegate.post(check_in_api(registration)).status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None
