import pytest

from surveys.models import Answer, Response
from tests.browser.helpers import log_in
from tests.factories import StaffFactory
from tests.surveys.factories import delegation, small_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()


def test_survey_drafted_by_two_delegates_submitted_and_seen_by_staff(live_server, page):
    """Acceptance 6: a delegate drafts, a colleague continues, the focal point submits, staff
    see the state as submitted on the dashboard; the ranking works with the keyboard only."""
    s, d = small_survey(title_en="IDM effectiveness survey"), delegation()
    staff = StaffFactory(email="staff@example.org")
    base = live_server.url

    # a contributor drafts section 1; the display condition follows the yes/no answer
    log_in(page, base, d.contributor.email)
    page.get_by_role("link", name="My state's surveys").click()
    page.get_by_role("link", name="Open IDM effectiveness survey").click()
    page.get_by_role("link", name="Edit Themes").click()
    page.get_by_label("Workshop", exact=True).check()
    page.get_by_label("No").check()
    assert page.get_by_label("Which workshop?").is_hidden()
    page.get_by_label("Yes").check()
    page.get_by_label("Which workshop?").fill("Managing Return Migration")
    page.get_by_role("button", name="Save this section").click()
    assert page.get_by_text("Section “Themes” saved.").is_visible()
    assert page.get_by_text(f"Last changed by {d.contributor}").first.is_visible()

    # the same delegate types in section 2: saved in the background
    page.get_by_role("link", name="2. Formats").click()
    page.get_by_label("Suggestions?").fill("Regional workshops, please")
    page.get_by_text("Draft saved automatically at").wait_for()
    assert Answer.objects.get(question=s.long_text).text == "Regional workshops, please"
    log_out(page)

    # a colleague continues section 2, ranking with the keyboard only
    log_in(page, base, d.focal_point.email)
    page.goto(f"{base}/surveys/{s.survey.pk}/PH/sections/2/")
    assert page.get_by_label("Suggestions?").input_value() == "Regional workshops, please"
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Théme A").focus()
    page.keyboard.press("2")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id").endswith(f"o{s.option(s.ranking, 1).pk}")
    page.keyboard.press("1")
    page.get_by_role("button", name="Save and review the response").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    ranking = Answer.objects.get(question=s.ranking)
    assert {c.option.text_en: c.rank for c in ranking.choices.all()} == {
        "Théme A": 2,
        "Theme B": 1,
    }

    # the focal point submits from the review page, after confirming
    page.get_by_label("I have reviewed these answers").check()
    page.get_by_role("button", name="Submit the official response").click()
    assert page.get_by_text("Submitted. A receipt").is_visible()
    assert page.locator("#response-status").inner_text() == "Submitted"
    assert Response.objects.get().status == "submitted"
    log_out(page)

    # staff see the state as submitted on the dashboard
    log_in(page, base, staff.email)
    page.goto(f"{base}/surveys/{s.survey.pk}/dashboard/")
    assert page.locator('tr[data-state="PH"] .state-status').inner_text() == "Submitted"
    assert page.get_by_text("1 of 1 member states have submitted (100 %).").is_visible()
    assert page.remote_requests == []


def test_survey_pages_have_no_serious_axe_violation(live_server, page, axe_violations):
    """Acceptance 7: the survey page (both sections, with an error), the overview, results and
    dashboard pass axe-core without serious or critical violations."""
    s, d = small_survey(), delegation()
    staff = StaffFactory(email="staff@example.org")
    base = live_server.url
    log_in(page, base, d.focal_point.email)
    for position in (1, 2):
        page.goto(f"{base}/surveys/{s.survey.pk}/PH/sections/{position}/")
        assert axe_violations(page) == [], position
    page.get_by_label("How many workshops?").fill("eleven")
    page.get_by_role("button", name="Save this section").click()
    assert page.get_by_text("Enter a number, for example 12 or 3.5.").first.is_visible()
    assert axe_violations(page) == []
    page.goto(f"{base}/surveys/{s.survey.pk}/PH/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Review and submit").click()
    assert page.get_by_text("Before the response can be submitted").is_visible()
    assert axe_violations(page) == []
    log_out(page)
    log_in(page, base, staff.email)
    for path in ("results", "dashboard"):
        page.goto(f"{base}/surveys/{s.survey.pk}/{path}/")
        assert axe_violations(page) == [], path
    assert page.remote_requests == []
