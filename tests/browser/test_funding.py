"""Acceptance 2 in a browser: the seeded 2009 workshops read "subject to available funding"
from their demo budgets; an earmarked contribution covering one changes that one only, and
staff then confirm it from its page."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from funding import services
from funding.models import Contribution
from tests.browser.helpers import log_in
from tests.factories import StaffFactory
from tests.funding.factories import StateDonorFactory
from workshops.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HUMAN_RIGHTS = "2009-human-rights-of-migrants"
TRAFFICKING = "2009-trafficking-and-exploitation-of-migrants"


def screenshot(page, tmp_path, name):
    """A full-page screenshot (IDM_SCREENSHOT_DIR keeps it for a person to look at)."""
    folder = Path(os.environ.get("IDM_SCREENSHOT_DIR") or tmp_path)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def funding_of(page, base_url, slug):
    page.goto(f"{base_url}/events/{slug}/")
    status = page.get_by_test_id("funding-panel-status")
    return status.get_attribute("data-status"), status.inner_text()


def test_seeded_workshops_subject_to_funding_until_an_earmarked_contribution_covers_one(
    live_server, page, axe_violations, tmp_path
):
    call_command("seed_idm")
    for slug in (HUMAN_RIGHTS, TRAFFICKING):
        assert funding_of(page, live_server.url, slug) == (
            "subject_to_funding",
            "Subject to available funding",
        )
        assert page.get_by_test_id("funding-percent").inner_text() == "0% of the budget is funded"
        assert "demo figures" in page.get_by_test_id("funding-demo").inner_text()
    assert axe_violations(page) == []

    staff = StaffFactory(email="iris.staff@example.org")
    donor = StateDonorFactory(member_state__name="Switzerland", member_state__code="CH")
    services.save_contribution(
        contribution=Contribution(
            donor=donor,
            dialogue=Event.objects.get(slug=HUMAN_RIGHTS).dialogue,
            event=Event.objects.get(slug=HUMAN_RIGHTS),
            amount=Decimal("190909.10"),
            currency="CHF",
            rate_to_usd=Decimal("1.1"),  # 190,909.10 × 1.1 = 210,000.01 ≥ 210,000.00
            status=Contribution.Status.PLEDGED,
            is_public=True,
        ),
        actor=staff,
    )

    assert funding_of(page, live_server.url, HUMAN_RIGHTS) == ("funded", "Funded")
    assert page.get_by_test_id("funding-percent").inner_text() == "100% of the budget is funded"
    assert page.locator("progress.funding-progress").get_attribute("value") == "100"
    donors = page.get_by_test_id("funding-donors").inner_text()
    assert "Switzerland — CHF 190,909.10" in donors
    screenshot(page, tmp_path, "funding-event-funded-public")
    assert axe_violations(page) == []
    assert funding_of(page, live_server.url, TRAFFICKING) == (
        "subject_to_funding",
        "Subject to available funding",
    )
    assert page.get_by_test_id("funding-donors").count() == 0

    page.goto(f"{live_server.url}/dialogues/2009/")
    statuses = page.get_by_test_id("funding-status")
    assert sorted(statuses.evaluate_all("items => items.map(i => i.dataset.status)")) == [
        "funded",
        "subject_to_funding",
    ]

    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/events/{HUMAN_RIGHTS}/")
    assert page.get_by_test_id("funding-gap").inner_text() == "0.00"
    assert "you may now confirm it" in page.get_by_test_id("funding-confirm").inner_text()
    screenshot(page, tmp_path, "funding-event-funded-staff")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Confirm this event").click()
    page.wait_for_load_state()
    assert page.get_by_text("The event is confirmed.").is_visible()
    assert Event.objects.get(slug=HUMAN_RIGHTS).status == Event.Status.CONFIRMED
    assert Event.objects.get(slug=TRAFFICKING).status == Event.Status.PROPOSED
    assert page.remote_requests == []
