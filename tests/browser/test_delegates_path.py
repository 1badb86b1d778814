"""Acceptance 3 (issue 12): a contributor fills two sections and tells the focal point the draft
is ready; the focal point follows the emailed link to the review page, sees a missing required
answer flagged, completes it and submits after confirming; the receipt carries the PDF."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from surveys.models import Response, ReviewNotice
from tests.browser.helpers import log_in
from tests.surveys.factories import delegation, small_survey

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()


def test_contributor_notifies_focal_point_who_reviews_completes_and_submits(live_server, page):
    closes = timezone.now() + datetime.timedelta(days=5, hours=2, minutes=10)
    s = small_survey(title_en="IDM effectiveness survey", closes_at=closes)
    d = delegation()
    base = live_server.url

    # the contributor fills section 1 ...
    log_in(page, base, d.contributor.email)
    page.get_by_role("link", name="My state's surveys").click()
    assert page.get_by_text(re.compile(r"5\sdays,\s2\shours left")).is_visible()  # deadline
    page.get_by_role("link", name="Open IDM effectiveness survey").click()
    assert page.get_by_text("Required answers: 0 of 3").is_visible()
    page.get_by_role("link", name="Edit Themes").click()
    page.get_by_label("Workshop", exact=True).check()
    page.get_by_label("Yes").check()
    page.get_by_label("Which workshop?").fill("Managing Return Migration")
    page.get_by_role("button", name="Save and go to the next section").click()
    assert page.get_by_text("Section “Themes” saved.").is_visible()

    # ... and section 2, where the background save reports in one sentence
    page.get_by_label("Suggestions?").fill("Regional workshops, please")
    status = page.locator("#autosave-status")
    page.get_by_text("Draft saved automatically at").wait_for()
    text = status.inner_text()
    assert re.fullmatch(r"Draft saved automatically at .+[^.]\.", text), text
    page.get_by_label("How many workshops?").fill("3")
    page.get_by_role("button", name="Save and review the response").click()
    # the review page flags the required Likert question left empty
    missing = page.locator("#missing-answers")
    assert missing.get_by_text("Question 5: Relevance?").is_visible()
    assert page.get_by_role("button", name="Submit the official response").count() == 0

    # the contributor tells the focal point the draft is ready
    page.get_by_label("Note to the focal point (optional)").fill("Only the relevance is left.")
    page.get_by_role("button", name="Tell the focal point the draft is ready for review").click()
    assert page.get_by_text("was told that the draft is ready for review").is_visible()
    assert ReviewNotice.objects.get().sent_by == d.contributor
    [notice] = [m for m in mail.outbox if m.to == [d.focal_point.email]]
    assert "Only the relevance is left." in notice.body
    review_link = re.search(r"http\S+/review/", notice.body).group(0)
    log_out(page)

    # the focal point follows the link, sees the missing answer flagged and completes it
    log_in(page, base, d.focal_point.email)
    page.goto(review_link)
    assert page.get_by_role("heading", name="Review the response").is_visible()
    flagged = page.locator(f"#review-question-{s.likert.pk}")
    assert flagged.get_by_text("This question needs an answer.").is_visible()
    assert page.get_by_text("Regional workshops, please").is_visible()
    page.locator("#missing-answers").get_by_role("link", name="Question 5: Relevance?").click()
    assert page.url.endswith(f"/sections/2/#question-{s.likert.pk}")
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Save and review the response").click()
    assert page.locator("#missing-answers").count() == 0

    # submitting needs the explicit confirmation; the button sits below the answers
    submit = page.get_by_role("button", name="Submit the official response")
    answers_bottom = page.get_by_text("Regional workshops, please").bounding_box()
    assert submit.bounding_box()["y"] > answers_bottom["y"]
    submit.click()
    assert page.get_by_text("Tick the box to confirm").is_visible()
    assert Response.objects.get().status == "draft"
    page.get_by_label("I have reviewed these answers").check()
    page.get_by_role("button", name="Submit the official response").click()
    assert page.get_by_text("Submitted. A receipt").is_visible()
    assert Response.objects.get().status == "submitted"

    # the receipt carries the submitted response as a PDF
    receipts = [m for m in mail.outbox if m.subject.startswith("Receipt:")]
    assert receipts and all(m.attachments for m in receipts)
    [(filename, content, mimetype)] = receipts[0].attachments
    assert filename.endswith("-PH.pdf") and mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Managing Return Migration" in text and "Regional workshops, please" in text
    assert page.remote_requests == []
