import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

THEME_2009 = "Human Rights and Migration: Working Together for Safe, Dignified and Secure Migration"


def test_home_switches_to_french(live_server, page, axe_violations):
    call_command("seed_idm")
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "International Dialogue on Migration"
    assert page.locator("#current-theme").inner_text() == THEME_2009
    assert page.locator("html").get_attribute("lang") == "en"
    assert axe_violations(page) == []

    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Accueil").is_visible()
    assert page.get_by_role("link", name="Se connecter").is_visible()
    assert page.get_by_role("heading", name="À propos du dialogue de cette année").is_visible()
    assert page.remote_requests == []


def test_api_docs_load_without_leaving_the_machine(live_server, page):
    page.goto(live_server.url + "/api/docs/", wait_until="networkidle")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "IDM Portal API" in page.locator(".swagger-ui .info .title").inner_text()
    assert page.locator(".opblock-summary-path", has_text="/api/v1/documents/").count() >= 1
    assert page.remote_requests == []
