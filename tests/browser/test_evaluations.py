import re

import pytest
from django.core import mail
from django.core.management import call_command

from surveys.models import Answer, Response
from tests.browser.helpers import log_in
from tests.factories import MemberStateFactory, StaffFactory
from tests.surveys.evaluations.factories import evaluation, participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def evaluation_link(email):
    message = next(m for m in mail.outbox if m.to == [email])
    return re.search(r"https?://\S+/evaluations/[0-9a-f]+-[0-9a-f]+/", message.body).group(0)


def test_participant_evaluates_event_after_it_and_staff_see_the_result(live_server, page):
    """Acceptance 4: after the event a participant follows their evaluation link, saves a
    draft, comes back, submits; staff see the result on the event's page."""
    e = evaluation()
    state = MemberStateFactory(code="PH", name="Philippines", region="asia")
    ana = participant(
        e.event,
        name="Ana Reyes",
        email="ana@example.org",
        category="member_state",
        member_state=state,
    )
    participant(e.event, name="Grace Mensah", email="grace@example.org", status="attended")
    staff = StaffFactory(email="staff@example.org")
    base = live_server.url

    # the day after the event, the daily run emails each participant their personal link
    call_command("send_due_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mail.outbox) == ["ana@example.org", "grace@example.org"]
    link = evaluation_link(ana.email)
    assert link.startswith(base)

    # the participant (no account) answers part of it and saves a draft
    page.goto(link)
    assert page.get_by_role("heading", name=e.survey.title_en).is_visible()
    assert page.get_by_text("Ana Reyes").is_visible()
    page.get_by_label("4", exact=True).check()
    assert page.get_by_label("Which contacts?").is_hidden()
    page.get_by_label("Contacts", exact=True).check()
    page.get_by_label("Which contacts?").fill("The labour attaché of Mexico")
    page.get_by_label("Suggestions for future events?").fill("More time for questions")
    page.get_by_role("button", name="Save and continue later").click()
    assert page.get_by_text("Your answers are saved.").is_visible()
    assert Response.objects.get().status == "draft"

    # they leave, come back to the same link later: the draft is there
    page.goto(f"{base}/")
    page.goto(link)
    assert page.get_by_label("Suggestions for future events?").input_value() == (
        "More time for questions"
    )
    assert page.get_by_label("4", exact=True).is_checked()
    assert page.get_by_text("Draft saved on").is_visible()
    page.get_by_label("Suggestions for future events?").fill("More time for questions, please")
    page.get_by_role("button", name="Submit my evaluation").click()
    assert page.get_by_text("Thank you: your evaluation is submitted.").is_visible()
    assert page.get_by_text("Your evaluation was received on").is_visible()
    assert page.get_by_role("button", name="Submit my evaluation").count() == 0
    response = Response.objects.get()
    assert (response.status, response.registration) == ("submitted", ana)
    assert Answer.objects.get(question=e.comment).text == "More time for questions, please"

    # staff see the result on the event's participants page and open the results
    log_in(page, base, staff.email)
    page.goto(f"{base}/events/{e.event.slug}/participants/all/")
    block = page.get_by_test_id("event-evaluation")
    assert block.get_by_text("1 of 2 invited participants answered (50.0 %).").is_visible()
    block.get_by_role("link", name="Evaluation results").click()
    assert page.locator("#respondents").inner_text().startswith("1 submitted response.")
    assert page.get_by_text("More time for questions, please").is_visible()
    assert page.get_by_text("Ana Reyes").count() == 0  # answers without names
    page.get_by_label("Participants' category").select_option("member_state")
    page.get_by_role("button", name="Filter").click()
    assert page.get_by_text("The labour attaché of Mexico").is_visible()
    page.goto(f"{base}/events/{e.event.slug}/evaluation/?by=region")
    rates = page.get_by_test_id("evaluation-rates")
    assert "Asia" in rates.inner_text() and "100.0" in rates.inner_text()
    assert page.remote_requests == []


def test_evaluation_pages_have_no_serious_axe_violation(live_server, page, axe_violations):
    e = evaluation()
    participant(e.event, email="ana@example.org")
    staff = StaffFactory(email="staff@example.org")
    call_command("send_due_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    link = evaluation_link("ana@example.org")

    page.goto(link)
    page.get_by_role("button", name="Submit my evaluation").click()  # missing answers
    assert page.get_by_text("Not submitted yet: some answers").is_visible()
    assert axe_violations(page) == []

    log_in(page, live_server.url, staff.email)
    for path in (f"/events/{e.event.slug}/evaluation/", f"/surveys/{e.survey.pk}/results/"):
        page.goto(live_server.url + path)
        assert axe_violations(page) == [], path
