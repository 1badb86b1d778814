"""A participant's own path in the browser: a full event says "waiting list" before they
submit; they change and cancel (after a confirmation) their registration; the lost-link page;
a delegate lands on "my tasks" after logging in."""

import pytest
from django.core import mail

from tests.browser.helpers import log_in
from tests.factories import FocalPointFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_full_event_waiting_list_change_and_cancel(live_server, page, axe_violations):
    event = OpenEventFactory(title="Migrants and the Crisis", capacity=1)
    RegistrationFactory(event=event)
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("link", name="Join the waiting list").click()
    page.wait_for_load_state()
    assert "you join the waiting list" in page.get_by_test_id("waiting-list-notice").inner_text()
    assert page.get_by_test_id("data-protection").is_visible()
    assert axe_violations(page) == []

    page.get_by_label("Full name").fill("Amina Diallo")
    page.get_by_label("Email address").fill("amina@example.org")
    page.get_by_label("Organization").fill("Ministry of Labour")
    page.get_by_label("Category").select_option("ngo")
    page.get_by_label("Include me in the public list").check()
    page.get_by_role("button", name="Join the waiting list").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("registration-status").inner_text() == "Waiting list"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Change my registration").click()
    page.get_by_label("Needs").fill("Step-free access")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_load_state()
    assert "Step-free access" in page.content()

    page.get_by_role("link", name="Cancel my registration").click()
    page.wait_for_load_state()
    assert "Do you really want to cancel" in page.get_by_test_id("cancel-question").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("registration-status").inner_text() == "Cancelled"
    assert page.remote_requests == []


def test_lost_link_page(live_server, page, axe_violations):
    page.goto(live_server.url + "/registrations/lost-link/")
    assert axe_violations(page) == []
    page.get_by_label("Email address you registered with").fill("nobody@example.org")
    page.get_by_role("button", name="Send me the links").click()
    page.wait_for_load_state()
    assert "nobody@example.org" in page.get_by_test_id("lost-link-answer").inner_text()
    assert axe_violations(page) == []
    assert mail.outbox == []


def test_focal_point_lands_on_my_tasks(live_server, page, axe_violations):
    focal_point = FocalPointFactory(email="focal@example.org")
    event = OpenEventFactory(title="Next workshop")
    RegistrationFactory(email=focal_point.email, event=event)
    log_in(page, live_server.url, "focal@example.org")
    assert page.url == live_server.url + "/tasks/"
    assert page.get_by_role("heading", name="My tasks").is_visible()
    assert page.get_by_role("link", name="Nominate your delegation").is_visible()
    assert axe_violations(page) == []

    page.goto(live_server.url + "/")
    assert page.get_by_test_id("open-registrations").get_by_text("Next workshop").is_visible()
    assert axe_violations(page) == []
