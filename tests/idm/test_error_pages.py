"""Error pages: the site's layout and language, a way back, JSON for the API, and a 500 page
that needs no database."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import DelegateFactory, FocalPointFactory

SITE_HEADER = 'class="navbar-brand"'
HOME_LINK = 'href="/"'


def failing_client():
    """A client that gets the error page instead of the exception, as a browser would."""
    return Client(raise_request_exception=False)


def test_500_page_renders_in_site_layout_without_database():
    """No database mark: any query (session, user, context processor) would fail this test."""
    response = server_error(RequestFactory().get("/"))
    content = response.content.decode()
    assert response.status_code == 500
    assert SITE_HEADER in content and HOME_LINK in content
    assert "Something went wrong" in content
    assert "Error 500" in content


def test_500_page_in_french_without_database():
    with translation.override("fr"):
        content = server_error(RequestFactory().get("/")).content.decode()
    assert '<html lang="fr">' in content
    assert "Une erreur s’est produite" in content


@pytest.mark.urls("tests.idm.error_urls")
def test_500_handler_debug_off_renders_our_page_without_database(settings):
    settings.DEBUG = False
    response = failing_client().get("/fail/500/", HTTP_ACCEPT_LANGUAGE="fr")
    content = response.content.decode()
    assert response.status_code == 500
    assert SITE_HEADER in content and "Une erreur s’est produite" in content
    assert "Something broke" not in content


@pytest.mark.urls("tests.idm.error_urls")
def test_500_handler_for_api_answers_json(settings):
    settings.DEBUG = False
    response = failing_client().get("/api/v1/fail/500/")
    assert response.status_code == 500
    assert response.json() == {"detail": "Server error."}


@pytest.mark.django_db
@pytest.mark.urls("tests.idm.error_urls")
@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/fail/400/", 400, "Bad request"),
        ("/fail/403/", 403, "Access refused"),
        ("/fail/404/", 404, "Page not found"),
        ("/this-does-not-exist/", 404, "Page not found"),
    ],
)
def test_error_handlers_debug_off_render_site_pages(settings, url, status, heading):
    settings.DEBUG = False
    response = failing_client().get(url)
    content = response.content.decode()
    assert response.status_code == status
    assert f"Error {status}" in content and heading in content
    assert SITE_HEADER in content and HOME_LINK in content


@pytest.mark.django_db
@pytest.mark.urls("tests.idm.error_urls")
def test_403_page_shows_exception_message_and_login_link_for_anonymous(settings):
    settings.DEBUG = False
    content = failing_client().get("/fail/403/").content.decode()
    assert "Only the focal point may do this." in content
    assert f'href="{reverse("login")}?next=/fail/403/"' in content


@pytest.mark.django_db
def test_404_page_in_french_with_login_link_for_anonymous(client):
    response = client.get("/this-does-not-exist/", HTTP_ACCEPT_LANGUAGE="fr")
    content = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fr">' in content and "Page introuvable" in content
    assert f'href="{reverse("login")}?next=/this-does-not-exist/"' in content


@pytest.mark.django_db
def test_404_page_for_logged_in_user_has_no_login_link(client):
    client.force_login(DelegateFactory())
    content = client.get("/this-does-not-exist/").content.decode()
    assert "Page not found" in content and "?next=/this-does-not-exist/" not in content


@pytest.mark.django_db
def test_api_unknown_address_answers_json_404(client):
    response = client.get("/api/v1/this-does-not-exist/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.django_db
def test_idm_permission_denied_renders_site_403_not_bare_page(client):
    """A delegate on staff's delegation overview: the site's 403, not Django's bare one."""
    client.force_login(FocalPointFactory())
    response = client.get(reverse("delegation_list"))
    content = response.content.decode()
    assert response.status_code == 403
    assert SITE_HEADER in content and "Access refused" in content
    assert "You are not allowed to see or do this." in content


@pytest.mark.django_db
def test_csrf_failure_renders_site_403():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})
    content = response.content.decode()
    assert response.status_code == 403
    assert SITE_HEADER in content and "The form could not be checked" in content
