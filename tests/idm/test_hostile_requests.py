"""Hostile requests to pages: control characters in addresses, NUL in search boxes and forms,
malformed cookies. None gets a 500."""

import pytest
from django.test import Client

from tests.factories import DelegateFactory, DocumentFactory
from tests.idm.factories import verify_staff_session
from tests.workshops.factories import OpenEventFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def lenient_client():
    """A client that answers 500 like the server instead of raising the view's exception."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "path",
    [
        "/delegations/%00/",
        "/delegations/PH%00/invitations/1/revoke/",
        "/accounts/invitation/%00/",
        "/accounts/password/reset/%00/x%01/",
        "/events/%00/",
        "/principles/%0A/",
        "/api/v1/member-states/%00/",
        "/api/v1/delegations/a%7Fb/",
        "/admin/idm/user/%00/change/",
        "/documents/%C2%85/",
    ],
)
def test_control_character_in_path_404_for_staff_and_delegates(staff_user, path):
    staff = lenient_client()
    staff.force_login(staff_user)
    verify_staff_session(staff, staff_user)
    delegate = lenient_client()
    delegate.force_login(DelegateFactory())
    for client in (staff, delegate, lenient_client()):
        assert client.get(path).status_code == 404
        assert client.post(path, {"a": "b"}).status_code == 404


def test_control_character_in_api_path_json_404_in_development_too(settings, api_client):
    settings.DEBUG = True  # make run: Django's technical 404 page would answer HTML
    answer = api_client.get("/api/v1/events/%02x/")
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/json"
    assert answer.json() == {"detail": "Not found."}


def test_path_without_control_character_still_served(staff_client):
    state = DelegateFactory().member_state
    assert staff_client.get(f"/delegations/{state.code}/").status_code == 200


def test_principle_search_with_nul_shows_message_beside_the_box(client):
    answer = client.get("/principles/?q=a%00b&year=2008")
    assert answer.status_code == 200
    form = answer.context["form"]
    assert form.errors["q"] == ["Null characters are not allowed."]
    assert form["year"].value() == "2008"
    assert 'id="id_q_error"' in answer.content.decode()


def test_document_search_with_nul_shows_message_beside_the_box(client):
    DocumentFactory()
    answer = client.get("/documents/?symbol=IC%00&language=en")
    assert answer.status_code == 200
    form = answer.context["form"]
    assert form.errors["symbol"] == ["Null characters are not allowed."]
    assert form["language"].value() == "en"


def test_registration_with_nul_refused_beside_the_field_other_values_kept(client):
    event = OpenEventFactory()
    answer = client.post(
        f"/events/{event.slug}/register/",
        {
            "name": "Ana\x00",
            "email": "ana@example.org",
            "organisation": "Permanent Mission",
            "category": "ngo",
        },
    )
    assert answer.status_code == 200
    form = answer.context["form"]
    assert form.errors["name"] == ["Null characters are not allowed."]
    assert form["organisation"].value() == "Permanent Mission"
    assert not Registration.objects.exists()


def test_session_cookie_with_nul_is_no_session():
    client = lenient_client()
    client.cookies["sessionid"] = "abcdefghij\x00klmnop"
    answer = client.get("/accounts/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/accounts/login/")


def test_login_with_nul_refused_as_a_form_error():
    answer = lenient_client().post(
        "/accounts/login/", {"username": "a\x00@example.org", "password": "x\x00y"}
    )
    assert answer.status_code == 200
    assert answer.context["form"].errors
