"""The email helper (idm.emails), the link helper (idm.links) and the remembered language."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from idm.emails import email_language, send_email
from idm.links import absolute_url
from tests.factories import DelegateFactory

PASSWORD_RESET = {
    "subject_template": "registration/password_reset_subject.txt",
    "text_template": "registration/password_reset_email.txt",
}


def test_absolute_url_from_site_url_for_paths_and_url_names(settings):
    settings.IDM_SITE_URL = "http://127.0.0.1:8100/"
    assert absolute_url("/events/x/") == "http://127.0.0.1:8100/events/x/"
    assert absolute_url("surveys:start", kwargs={"pk": 3}) == "http://127.0.0.1:8100/surveys/3/"


def test_email_language_falls_back_to_offered_languages():
    assert email_language("fr-ch") == "fr"
    assert email_language("de") == "en"
    assert email_language(None) == "en"


@pytest.mark.django_db
def test_send_email_renders_in_given_language_not_active_one(django_capture_on_commit_callbacks):
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        send_email(
            to="d@example.org",
            language="fr",
            context={"email": "d@example.org", "reset_url": "http://x/"},
            **PASSWORD_RESET,
        )
    message = mail.outbox[-1]
    assert message.subject == "Portail du DIM : réinitialisez votre mot de passe"
    assert message.to == ["d@example.org"]
    html = message.alternatives[0]
    assert html[1] == "text/html" and '<html lang="fr">' in html[0]
    assert translation.get_language() != "fr"


@pytest.mark.django_db
def test_send_email_html_alternative_escapes_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        send_email(
            to="d@example.org",
            language="en",
            context={"email": "<b>d@example.org</b>", "reset_url": "http://x/"},
            **PASSWORD_RESET,
        )
    html = mail.outbox[-1].alternatives[0][0]
    assert "<b>d@example.org</b>" not in html and "&lt;b&gt;" in html
    assert '<a href="http://x/"' in html


@pytest.mark.django_db
def test_preferred_language_follows_language_switch(client):
    delegate = DelegateFactory()
    client.force_login(delegate)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"}, follow=True)
    delegate.refresh_from_db()
    assert delegate.preferred_language == "fr"


@pytest.mark.django_db
def test_preferred_language_unchanged_no_write(client):
    delegate = DelegateFactory(preferred_language="es")
    client.force_login(delegate)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es")
    assert not [q["sql"] for q in queries if q["sql"].startswith("UPDATE")]
    delegate.refresh_from_db()
    assert delegate.preferred_language == "es"
