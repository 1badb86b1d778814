from pathlib import Path

import pytest
from django.core.management import call_command
from icalendar import Calendar

from tests.workshops.factories import OpenEventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TRAFFICKING = "Trafficking and Exploitation of Migrants: Ensuring Protection of Human Rights"


def test_visitor_reaches_trafficking_workshop_and_downloads_its_calendar(
    live_server, page, axe_violations
):
    call_command("seed_idm")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name=TRAFFICKING).click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == TRAFFICKING
    assert page.get_by_test_id("event-dates").inner_text() == "9–10 July 2009"
    # Planned "subject to available funding" in 2009; seen today, it is held.
    assert page.get_by_test_id("time-phase").inner_text() == "Held"
    assert page.get_by_test_id("event-status").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "2009-trafficking-and-exploitation-of-migrants.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == TRAFFICKING
    assert entry.decoded("dtstart").isoformat() == "2009-07-09"

    assert axe_violations(page) == []
    assert page.remote_requests == []


def test_participant_registers_after_fixing_errors(live_server, page, axe_violations):
    event = OpenEventFactory(title="Migrants and the Crisis", capacity=1)
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("link", name="Register").click()
    page.get_by_label("Full name").fill("Amina Diallo")
    page.get_by_label("Email address").fill("amina@")
    page.get_by_label("Organization").fill("Ministry of Labour")
    page.get_by_label("Category").select_option("ngo")
    page.get_by_role("button", name="Register").click()
    page.wait_for_load_state()

    assert page.get_by_label("Full name").input_value() == "Amina Diallo"
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []

    page.get_by_label("Email address").fill("amina@example.org")
    page.get_by_role("button", name="Register").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("registration-status").inner_text() == "Confirmed"
    assert axe_violations(page) == []
    assert page.remote_requests == []
