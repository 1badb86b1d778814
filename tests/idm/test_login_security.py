"""Brute-force lockout (django-axes), staff two-factor login (django-otp) and sessions."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from idm.middleware import LAST_ACTIVITY_SESSION_KEY
from tests.factories import DEFAULT_PASSWORD, FocalPointFactory, StaffFactory
from tests.idm.factories import confirmed_totp_device, totp_code

pytestmark = pytest.mark.django_db

LOCKOUT_TEXT = "Too many failed login attempts"


def page_login(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password}, **extra)


def api_login(client, email, password, **extra):
    return client.post("/api/v1/auth/token/", {"email": email, "password": password}, **extra)


@pytest.fixture
def delegate():
    return FocalPointFactory(email="focal@example.org")


def test_lockout_page_six_wrong_passwords_then_correct_one_refused(client, delegate):
    for _attempt in range(6):
        response = page_login(client, "focal@example.org", "wrong password")
    assert response.status_code == 429
    response = page_login(client, "focal@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT_TEXT in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_page_message_is_translated(client, delegate):
    for _attempt in range(5):
        page_login(client, "focal@example.org", "wrong password")
    response = page_login(client, "focal@example.org", DEFAULT_PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert "Trop de tentatives de connexion" in response.content.decode()


def test_lockout_api_six_wrong_passwords_then_correct_one_refused(api_client, delegate):
    statuses = [
        api_login(api_client, "focal@example.org", "wrong password").status_code
        for _attempt in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 429, 429]  # the fifth failure locks
    response = api_login(api_client, "focal@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT_TEXT in response.json()["detail"]
    assert "token" not in response.json()


def test_lockout_counts_page_and_api_together_case_insensitive(client, api_client, delegate):
    for _attempt in range(3):
        page_login(client, "FOCAL@example.org", "wrong password")
    for _attempt in range(2):
        api_login(api_client, "focal@EXAMPLE.org", "wrong password")
    assert api_login(api_client, "focal@example.org", DEFAULT_PASSWORD).status_code == 429


def test_lockout_per_account_from_many_addresses(delegate):
    for attempt in range(5):
        page_login(Client(), "focal@example.org", "wrong", REMOTE_ADDR=f"10.0.0.{attempt + 1}")
    response = page_login(Client(), "focal@example.org", DEFAULT_PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_lockout_api_json_per_account_from_another_address(delegate):
    """The account lock holds on the token endpoint with a JSON body, whatever the address."""
    for _attempt in range(5):
        api_login(APIClient(), "focal@example.org", "wrong", REMOTE_ADDR="10.0.0.1")
    response = api_login(APIClient(), "focal@example.org", DEFAULT_PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    assert LOCKOUT_TEXT in response.json()["detail"]


def test_lockout_page_then_api_json_from_other_addresses(delegate):
    for attempt in range(5):
        page_login(Client(), "focal@example.org", "wrong", REMOTE_ADDR=f"10.0.0.{attempt + 1}")
    response = api_login(APIClient(), "Focal@Example.org", DEFAULT_PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429


def test_axes_username_reads_credentials_then_json_body_then_form():
    from django.test import RequestFactory
    from rest_framework.parsers import JSONParser
    from rest_framework.request import Request

    from idm.security import axes_username

    factory = RequestFactory()
    json_body = factory.post(
        "/api/v1/auth/token/", {"email": " Focal@Example.org "}, content_type="application/json"
    )
    assert axes_username(json_body) == "focal@example.org"
    assert axes_username(Request(json_body, parsers=[JSONParser()])) == "focal@example.org"
    assert axes_username(json_body, {"username": "Other@Example.org"}) == "other@example.org"
    form = factory.post("/accounts/login/", {"username": "FORM@example.org"})
    assert axes_username(form) == "form@example.org"
    assert (
        axes_username(factory.post("/api/v1/auth/token/", "[", content_type="application/json"))
        == ""
    )


def test_lockout_per_address_across_accounts(client, delegate):
    for attempt in range(5):
        page_login(client, f"someone{attempt}@example.org", "wrong", REMOTE_ADDR="10.1.1.1")
    locked = page_login(client, "focal@example.org", DEFAULT_PASSWORD, REMOTE_ADDR="10.1.1.1")
    assert locked.status_code == 429
    elsewhere = page_login(Client(), "focal@example.org", DEFAULT_PASSWORD, REMOTE_ADDR="10.2.2.2")
    assert elsewhere.status_code == 302


def test_lockout_four_failures_then_success_resets(client, delegate):
    for _attempt in range(4):
        page_login(client, "focal@example.org", "wrong password")
    assert page_login(client, "focal@example.org", DEFAULT_PASSWORD).status_code == 302


def test_admin_login_form_is_the_protected_portal_login(client):
    response = client.get("/admin/login/?next=/admin/idm/user/")
    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=%2Fadmin%2Fidm%2Fuser%2F"
    StaffFactory(email="staff@example.org")
    client.post("/admin/login/", {"username": "staff@example.org", "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_admin_refuses_staff_without_two_factor_device(client):
    staff = StaffFactory(email="staff@example.org", is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_staff_login_requires_code_then_admin_opens(client):
    staff = StaffFactory(email="staff@example.org", is_superuser=True)
    device = confirmed_totp_device(staff)
    response = page_login(client, "staff@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/code/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    wrong = client.post(response.url, {"code": "000000"})
    assert "This code is not valid" in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(response.url, {"code": totp_code(device), "next": "/admin/"})
    assert done.status_code == 302 and done.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_staff_without_device_sets_one_up_at_login(client):
    StaffFactory(email="staff@example.org")
    response = page_login(client, "staff@example.org", DEFAULT_PASSWORD)
    page = client.get(response.url)
    assert page.context["setting_up"] is True
    assert page.context["qr_code"].startswith("data:image/svg+xml")
    device = TOTPDevice.objects.get(user__email="staff@example.org", confirmed=False)
    assert client.post(response.url, {"code": totp_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True
    assert client.get("/admin/").status_code == 200


def test_staff_code_step_without_password_step_goes_to_login(client):
    response = client.get(reverse("two_factor"))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_staff_code_step_expires(client, settings):
    staff = StaffFactory(email="staff@example.org")
    device = confirmed_totp_device(staff)
    url = page_login(client, "staff@example.org", DEFAULT_PASSWORD).url
    session = client.session
    session["idm_two_factor_pending"]["at"] -= settings.IDM_TWO_FACTOR_PENDING_SECONDS + 1
    session.save()
    response = client.post(url, {"code": totp_code(device)})
    assert response.url.startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_delegate_logs_in_without_code(client, delegate):
    response = page_login(client, "focal@example.org", DEFAULT_PASSWORD)
    assert response.status_code == 302 and response.url == "/tasks/"  # "my tasks"
    assert client.session["_auth_user_id"] == str(delegate.pk)


def test_staff_session_expires_after_30_idle_minutes(staff_client, settings):
    assert staff_client.get("/delegations/").status_code == 200
    assert staff_client.session.get_expiry_age() == settings.IDM_STAFF_SESSION_IDLE_SECONDS == 1800
    session = staff_client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time()) - 1801
    session.save()
    response = staff_client.get("/delegations/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_staff_session_active_within_30_minutes(staff_client):
    session = staff_client.session
    session[LAST_ACTIVITY_SESSION_KEY] = int(time.time()) - 1700
    session.save()
    assert staff_client.get("/delegations/").status_code == 200


def test_delegate_session_keeps_default_expiry(client, delegate, settings):
    page_login(client, "focal@example.org", DEFAULT_PASSWORD)
    client.get("/delegation/")
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_logout_invalidates_old_session_cookie(client, delegate):
    page_login(client, "focal@example.org", DEFAULT_PASSWORD)
    old_cookie = client.cookies["sessionid"].value
    assert client.get("/accounts/").status_code == 200
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=old_cookie).exists()
    replay = Client()
    replay.cookies["sessionid"] = old_cookie
    response = replay.get("/accounts/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_staff_made_while_logged_in_is_logged_out_until_two_factor(client, delegate):
    client.force_login(delegate)
    delegate.is_staff = True
    delegate.save()
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_api_token_delegate_gets_token_and_uses_it(delegate):
    api = APIClient()
    token = api_login(api, "focal@example.org", DEFAULT_PASSWORD).json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/v1/delegations/").json()["count"] == 1
    assert api.delete("/api/v1/auth/token/").status_code == 204
    assert api.get("/api/v1/delegations/").json() == {"detail": "Invalid token."}


def test_api_token_staff_needs_valid_code():
    staff = StaffFactory(email="staff@example.org")
    device = confirmed_totp_device(staff)
    api = APIClient()
    missing = api_login(api, "staff@example.org", DEFAULT_PASSWORD)
    assert missing.status_code == 400
    assert "otp_token" in missing.json()
    wrong = api.post(
        "/api/v1/auth/token/",
        {"email": "staff@example.org", "password": DEFAULT_PASSWORD, "otp_token": "000000"},
    )
    assert wrong.json() == {"otp_token": ["This code is not valid."]}
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    good = api.post(
        "/api/v1/auth/token/",
        {
            "email": "staff@example.org",
            "password": DEFAULT_PASSWORD,
            "otp_token": totp_code(device),
        },
    )
    assert good.status_code == 200 and len(good.json()["token"]) == 40


def test_api_token_bad_input_field_errors(api_client):
    response = api_client.post("/api/v1/auth/token/", {"email": "not-an-email"})
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_api_token_deactivated_account_token_stops_working(delegate, staff_user):
    from idm.services import deactivate_account

    api = APIClient()
    token = api_login(api, "focal@example.org", DEFAULT_PASSWORD).json()["token"]
    deactivate_account(account=delegate, actor=staff_user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.get("/api/v1/delegations/")
    assert (response.status_code, response.json()) == (401, {"detail": "Invalid token."})


def test_test_client_login_still_works_for_delegates(client, delegate):
    assert client.login(email="focal@example.org", password=DEFAULT_PASSWORD) is True
    assert client.get("/accounts/").status_code == 200
