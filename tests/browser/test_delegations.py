"""Acceptance 7: IOM staff invite a delegate, who accepts from the emailed link, logs in and
sees their delegation. Also: the pages, the admin and the API docs run under the strict CSP."""

import re

import pytest
from django.core import mail

from tests.browser.helpers import log_in
from tests.factories import MemberStateFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "Safe-dignified-secure-2009"


@pytest.fixture
def console_problems(page):
    """Console errors and uncaught exceptions, e.g. a script or style the CSP blocked."""
    problems = []

    def on_console(message):
        # Chromium asks every site for /favicon.ico; the admin pages declare no icon.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            problems.append(f"{message.text} {message.location.get('url', '')}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    return problems


def test_staff_invites_delegate_who_accepts_and_sees_delegation(
    live_server, page, axe_violations, console_problems
):
    MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    staff = StaffFactory(email="secretariat@iom.example.org", first_name="Ana", last_name="Lopez")
    log_in(page, live_server.url, staff.email)
    page.get_by_role("link", name="Delegations").click()
    page.get_by_label("Member state").select_option(label="Philippines")
    page.get_by_label("Email address").fill("maria.santos@ph.example.org")
    page.get_by_label("Role in the delegation").select_option(label="Focal point")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Delegation of Philippines"
    assert page.get_by_text("Invitation sent to maria.santos@ph.example.org").is_visible()
    assert page.get_by_role("cell", name="maria.santos@ph.example.org", exact=True).is_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()

    assert mail.outbox[-1].to == ["maria.santos@ph.example.org"]
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[-1].body)[0]
    page.goto(link)
    assert page.locator("h1").inner_text() == "Join the delegation of Philippines"
    assert axe_violations(page) == []
    page.get_by_label("First name").fill("Maria")
    page.get_by_label("Last name").fill("Santos")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Open my account").click()
    page.wait_for_load_state()
    assert page.get_by_text("Welcome to the delegation of Philippines").is_visible()

    log_in(page, live_server.url, "maria.santos@ph.example.org", NEW_PASSWORD)
    page.get_by_role("link", name="My delegation").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Delegation of Philippines"
    row = page.get_by_role("row", name=re.compile("maria.santos@ph.example.org"))
    assert "Maria Santos" in row.inner_text() and "Focal point" in row.inner_text()
    assert page.get_by_text("No pending invitations.").is_visible()
    assert axe_violations(page) == []
    assert console_problems == []

    page.goto(link)
    assert page.locator("h1").inner_text() == "This invitation was already used"
    assert page.remote_requests == []


def test_admin_works_under_csp(live_server, page, console_problems):
    staff = StaffFactory(email="secretariat@iom.example.org", is_superuser=True)
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/admin/idm/user/{staff.pk}/change/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#id_email").input_value() == "secretariat@iom.example.org"
    page.goto(f"{live_server.url}/admin/idm/user/")
    page.locator("#action-toggle").check()
    assert page.locator("tr.selected").count() == 1  # admin JavaScript runs
    assert console_problems == []


def test_api_docs_run_under_csp(live_server, page, console_problems):
    page.goto(live_server.url + "/api/docs/", wait_until="networkidle")
    page.locator(".opblock-summary-path", has_text="/api/v1/delegations/").first.wait_for()
    assert console_problems == []


def test_staff_sets_up_two_factor_at_first_login(live_server, page, axe_violations):
    from django_otp.oath import TOTP

    from tests.factories import DEFAULT_PASSWORD

    StaffFactory(email="new.staff@iom.example.org")
    page.goto(f"{live_server.url}/accounts/login/?next=/admin/")
    page.get_by_label("Email address").fill("new.staff@iom.example.org")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).last.click()
    page.wait_for_load_state()
    assert page.get_by_role("img", name="QR code to scan with your authenticator app").is_visible()
    assert axe_violations(page) == []
    secret = page.locator("#totp-secret").inner_text()
    import base64

    code = TOTP(base64.b32decode(secret)).token()
    page.get_by_label("Six-digit code").fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm and log in").click()
    page.wait_for_load_state()
    assert page.url.endswith("/admin/")
    assert (
        page.get_by_role("heading", name="Site administration").count()
        + page.get_by_text("International Dialogue on Migration").count()
        >= 1
    )
