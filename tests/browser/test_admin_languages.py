"""Acceptance (issue 13): IOM staff edit a principle's English, French and Spanish texts side by
side in the back office, and the French page shows the French headline they saved."""

from pathlib import Path

import pytest
from django.core.management import call_command

from principles.models import Principle
from tests.browser.helpers import log_in
from tests.factories import StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCREENSHOT = ARTIFACTS / "admin-principle-languages.png"
FRENCH = "Une migration de retour réussie passe par une réintégration durable."


def test_admin_principle_languages_side_by_side_french_headline_saved(live_server, page):
    call_command("seed_idm")
    principle = Principle.objects.get(label="f")
    english = principle.headline_en
    staff = StaffFactory(email="secretariat@iom.example.org", is_superuser=True)
    log_in(page, live_server.url, staff.email)
    page.goto(f"{live_server.url}/admin/principles/principle/{principle.pk}/change/")

    fields = [page.locator(f"#id_headline_{language}") for language in ("en", "fr", "es")]
    for language, label in [("en", "English"), ("fr", "French"), ("es", "Spanish")]:
        assert page.locator(f"label[for=id_headline_{language}]").inner_text() == (
            f"Headline ({label}):"
        )
    assert fields[0].input_value() == english
    assert [field.input_value() for field in fields[1:]] == ["", ""]
    boxes = [field.bounding_box() for field in fields]
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]  # one line, English first
    assert abs(boxes[0]["y"] - boxes[2]["y"]) < 5

    fields[1].fill(FRENCH)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=False)
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    principle.refresh_from_db()
    assert (principle.headline_en, principle.headline_fr, principle.headline_es) == (
        english,
        FRENCH,
        None,
    )
    latest = principle.history.latest()
    assert (latest.headline_fr, latest.history_user) == (FRENCH, staff)

    page.goto(f"{live_server.url}/principles/")
    page.locator("button[name=language][value=fr]").click()  # the page's language buttons
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/principles/?q=réintégration")
    assert FRENCH in page.locator(f"#{principle.anchor}-headline").inner_text()
