import pytest

from tests.browser.helpers import log_in
from tests.factories import FocalPointFactory, MemberStateFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_delegate_sees_own_email_and_logout(live_server, page):
    delegate = FocalPointFactory(
        email="focal@example.org", member_state=MemberStateFactory(code="PH", iso3="PHL")
    )
    log_in(page, live_server.url, delegate.email)
    assert page.get_by_text("focal@example.org").is_visible()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Log in").is_visible()


def test_login_wrong_password_shows_message_and_keeps_email(live_server, page):
    FocalPointFactory(email="focal@example.org", member_state=MemberStateFactory(code="PH"))
    log_in(page, live_server.url, "focal@example.org", password="wrong password")
    assert page.get_by_text("Please enter a correct email address and password").is_visible()
    assert page.get_by_label("Email address").input_value() == "focal@example.org"
