"""Who may open the participants' routes: the public list is public; the staff list, the PDFs,
the exports and check-in are for IOM staff (anonymous visitors are sent to log in, delegates
are refused with the site's 403 page)."""

import pytest

from tests.factories import DelegateFactory, FocalPointFactory
from tests.workshops.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

STAFF_ROUTES = [
    "participants/all/",
    "participants.pdf",
    "participants.csv",
    "participants.xlsx",
    "badges.pdf",
    "check-in/",
]
CONTENT_TYPES = {
    "participants/all/": "text/html; charset=utf-8",
    "participants.pdf": "application/pdf",
    "participants.csv": "text/csv; charset=utf-8",
    "participants.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "badges.pdf": "application/pdf",
    "check-in/": "text/html; charset=utf-8",
}


@pytest.fixture
def event():
    registration = RegistrationFactory(name="Listed Person", listed_publicly=True)
    return registration.event


@pytest.mark.parametrize("who", ["anonymous", "delegate", "focal_point", "staff"])
def test_public_participant_list_open_to_everybody(request, client, event, who):
    if who == "staff":
        client = request.getfixturevalue("staff_client")
    elif who != "anonymous":
        client.force_login(DelegateFactory() if who == "delegate" else FocalPointFactory())
    response = client.get(f"/events/{event.slug}/participants/")
    assert response.status_code == 200
    assert "Listed Person" in response.content.decode()


@pytest.mark.parametrize("route", STAFF_ROUTES)
def test_staff_routes_send_anonymous_visitors_to_log_in(client, event, route):
    url = f"/events/{event.slug}/{route}"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert client.post(url).status_code in (302, 405)


@pytest.mark.parametrize("route", STAFF_ROUTES)
@pytest.mark.parametrize("factory", [DelegateFactory, FocalPointFactory])
def test_staff_routes_refuse_delegates_with_403_page(client, event, route, factory):
    client.force_login(factory())
    response = client.get(f"/events/{event.slug}/{route}")
    assert response.status_code == 403
    assert "Only the IDM secretariat can see this page." in response.content.decode()
    assert "Listed Person" not in response.content.decode()


@pytest.mark.parametrize("route", STAFF_ROUTES)
def test_staff_routes_open_to_staff(staff_client, event, route):
    response = staff_client.get(f"/events/{event.slug}/{route}")
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[route]


def test_delegate_cannot_check_anybody_in(client, event):
    registration = event.registrations.get()
    client.force_login(DelegateFactory())
    response = client.post(f"/events/{event.slug}/check-in/", {"code": str(registration.pk)})
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.checked_in_at is None


@pytest.mark.parametrize("route", ["participants/", *STAFF_ROUTES])
def test_participant_routes_404_for_unknown_event(staff_client, route):
    assert staff_client.get(f"/events/no-such-event/{route}").status_code == 404
