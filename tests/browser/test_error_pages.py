"""Error pages in a browser: the site's header, the visitor's language, accessible."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_on_missing_page_switches_to_french_and_finds_the_way_home(
    live_server, page, axe_violations
):
    response = page.goto(live_server.url + "/this-does-not-exist/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    assert axe_violations(page) == []

    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state()

    assert page.url == live_server.url + "/this-does-not-exist/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Page introuvable"
    header = page.get_by_role("navigation", name="Navigation principale")
    assert header.get_by_role("link", name="Portail du DIM").is_visible()
    assert axe_violations(page) == []
    assert page.remote_requests == []

    page.get_by_role("link", name="Retour à la page d’accueil").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + "/"
