"""Acceptance 6 (check-in part) and 7 (axe): staff check a participant in on a phone-sized
check-in page (390 px): by typed badge number, then by name search, where the second check-in
of the same person says when the first was. The public and staff lists pass axe too."""

import pytest
from django.utils import timezone

from tests.browser.helpers import log_in
from tests.factories import StaffFactory
from tests.workshops.participants_factories import event_with_participants

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_check_in_on_a_phone_typed_code_then_name_search_says_already(
    live_server, page, axe_violations
):
    event = event_with_participants()
    greta = event.registrations.get(name="Greta Weber")
    staff = StaffFactory(email="door@iom.example.org")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server.url, staff.email)

    page.goto(f"{live_server.url}/events/{event.slug}/check-in/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    page.get_by_label("Badge code or number").fill(str(greta.pk))
    page.get_by_role("button", name="Check in", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("Checked in: Greta Weber.").is_visible()
    assert page.get_by_test_id("check-in-count").inner_text().startswith("1 of 8")

    page.get_by_role("searchbox", name="Name").fill("greta")
    page.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Check in Greta Weber").click()
    page.wait_for_load_state()
    greta.refresh_from_db()
    at = timezone.localtime(greta.checked_in_at).strftime("%H:%M")
    assert page.get_by_text(f"Greta Weber is already checked in at {at}.").is_visible()
    assert greta.checked_in_by == staff
    assert axe_violations(page) == []


def test_participant_lists_pass_axe(live_server, page, axe_violations):
    event = event_with_participants()
    staff = StaffFactory(email="lists@iom.example.org")
    page.goto(f"{live_server.url}/events/{event.slug}/participants/")
    assert page.locator("h1").inner_text() == "List of participants"
    assert page.get_by_test_id("participant").first.inner_text().startswith("Carla Mora")
    assert axe_violations(page) == []
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/events/{event.slug}/participants/all/")
    assert page.get_by_test_id("staff-participant").count() == 8
    page.set_viewport_size({"width": 390, "height": 844})  # the wide tables scroll sideways
    assert axe_violations(page) == []
