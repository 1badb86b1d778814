import pytest
from django.urls import reverse

from tests.factories import DialogueFactory, DocumentFactory
from tests.helpers import get_with_unreachable_database

pytestmark = pytest.mark.django_db


def test_home_shows_current_dialogue_theme(client):
    DialogueFactory(year=2008, theme="Return Migration: Challenges and Opportunities")
    DialogueFactory(year=2009, theme="Human Rights and Migration")
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["dialogue"].year == 2009
    assert "Human Rights and Migration" in response.content.decode()


def test_home_lists_current_documents(client):
    document = DocumentFactory(symbol="IC/2009/1", title="Background paper on rights")
    response = client.get(reverse("home"))
    assert document.title in response.content.decode()


def test_home_without_dialogue_explains_how_to_load(client):
    response = client.get(reverse("home"))
    assert "seed_idm" in response.content.decode()


def test_home_in_french_when_language_chosen(client):
    DialogueFactory(year=2009)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"}, follow=True)
    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert "Aller au contenu principal" in content


def test_home_spanish_from_accept_language(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es")
    assert '<html lang="es">' in response.content.decode()
    assert "Iniciar sesión" in response.content.decode()


def test_healthz_ok_with_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_503_when_database_unreachable():
    assert get_with_unreachable_database("/healthz") == (
        '503 {"status": "error", "database": "unreachable"}'
    )


def test_login_page_asks_for_email(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert 'type="email"' in response.content.decode()


def test_document_file_served_for_published_document(client):
    from django.core.files.base import ContentFile

    document = DocumentFactory(url="", file=ContentFile(b"IDM 2009 note", name="note.txt"))
    response = client.get(document.href)
    assert document.href == f"/documents/{document.pk}/file/"
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"IDM 2009 note"
    assert 'filename="note' in response["Content-Disposition"]


def test_document_file_not_served_for_forthcoming_document(client):
    from django.core.files.base import ContentFile

    document = DocumentFactory(
        url="", status="forthcoming", file=ContentFile(b"draft", name="draft.txt")
    )
    assert client.get(f"/documents/{document.pk}/file/").status_code == 404


def test_favicon_redirects_to_static_icon(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response["Location"]) == (301, "/static/idm/favicon.svg")


def test_home_content_in_page_language_english_fallback(client):
    dialogue = DialogueFactory(
        year=2009,
        theme="Human Rights and Migration",
        theme_fr="Droits de l’homme et migration",
        summary="Safe, dignified and secure migration.",
    )
    DocumentFactory(
        dialogue=dialogue, title="Background paper on rights", title_es="Documento de antecedentes"
    )
    french = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Droits de l’homme et migration" in french
    assert "Safe, dignified and secure migration." in french  # no French summary yet
    assert "Background paper on rights" in french  # no French title yet
    spanish = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Human Rights and Migration" in spanish
    assert "Documento de antecedentes" in spanish
    english = client.get(reverse("home")).content.decode()
    assert "Droits de l’homme" not in english and "Documento de" not in english
