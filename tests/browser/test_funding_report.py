"""Acceptance 5: staff open the year's funding report from the dialogue page; its chart is
drawn on the server (inline SVG), so the page makes no request that leaves this machine; the
report prints without the site's navigation. The screenshot is kept where IDM_SCREENSHOTS
points (a directory), to be looked at."""

import os
from pathlib import Path

import pytest

from tests.browser.helpers import log_in
from tests.factories import StaffFactory
from tests.funding.report_factories import funded_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_funding_chart_drawn_locally(live_server, page, axe_violations, tmp_path):
    funded_year()
    staff = StaffFactory(email="finance@iom.example.org")
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/dialogues/2009/")
    page.get_by_role("link", name="Funding report (staff)").click()
    page.wait_for_load_state("networkidle")

    assert page.get_by_role("heading", level=1).inner_text() == "Funding report"
    chart = page.get_by_role("img", name="IDM 2009: budget, funded and spent per event")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 150
    assert chart.get_by_test_id("funding-chart-event").count() == 2
    funded_bars = page.locator('[data-testid="funding-chart"] rect[data-series="funded"]')
    budget_bars = page.locator('[data-testid="funding-chart"] rect[data-series="budget"]')
    # Both events are fully funded: each funded bar is as long as its budget bar.
    for index in range(2):
        assert funded_bars.nth(index).bounding_box()["width"] == pytest.approx(
            budget_bars.nth(index).bounding_box()["width"], abs=0.5
        )
        assert funded_bars.nth(index).bounding_box()["width"] > 100
    assert page.get_by_test_id("unearmarked-balance").inner_text() == "55,375.00"
    assert page.get_by_test_id("contribution-row").count() == 3

    screenshots = Path(os.environ.get("IDM_SCREENSHOTS") or tmp_path)
    screenshot = screenshots / "funding-report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000

    assert axe_violations(page) == []
    assert page.remote_requests == []

    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Main navigation").is_visible()
    assert chart.is_visible()
    page.screenshot(path=str(screenshots / "funding-report-print.png"), full_page=True)


def test_staff_reach_event_report_and_donor_statement(live_server, page, axe_violations, tmp_path):
    year = funded_year()
    staff = StaffFactory(email="finance@iom.example.org")
    screenshots = Path(os.environ.get("IDM_SCREENSHOTS") or tmp_path)
    log_in(page, live_server.url, staff.email)

    page.goto(f"{live_server.url}{year.trafficking.get_absolute_url()}")
    page.get_by_role("link", name="Event report (staff)").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", level=1).inner_text() == "Event report"
    assert page.get_by_test_id("report-gap").inner_text() == "0.00"
    assert page.get_by_test_id("report-attendance").inner_text() == (
        "1 of 3 confirmed participants attended."
    )
    page.screenshot(path=str(screenshots / "event-report.png"), full_page=True)
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/dialogues/2009/funding/")
    page.get_by_role("link", name="View statement of Ford Foundation").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_test_id("statement-donor").inner_text() == "Ford Foundation"
    assert page.get_by_test_id("statement-line").count() == 2
    page.screenshot(path=str(screenshots / "statement.png"), full_page=True)
    assert axe_violations(page) == []
    assert page.remote_requests == []
