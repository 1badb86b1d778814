"""The API answers in the language of `?lang=` or Accept-Language (English without either, and
where a text has no translation); staff write the French and Spanish texts as `<name>_fr`,
`<name>_es` (idm.middleware.ApiLanguageMiddleware, idm.api.translated)."""

import pytest

from principles.models import Principle
from tests.factories import DocumentFactory, StaffFactory
from tests.principles.factories import PrincipleFactory, PrincipleSetFactory
from tests.workshops.factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db

ENGLISH = "Return migration is neither a single event nor the end of the migration cycle."
FRENCH = "La migration de retour n’est ni un événement isolé ni la fin du cycle migratoire."
SPANISH = "La migración de retorno no es un acontecimiento aislado ni el final del ciclo."


@pytest.fixture
def principle():
    return PrincipleFactory(
        headline=ENGLISH,
        headline_fr=FRENCH,
        headline_es=SPANISH,
        body="Countries should cooperate.",
    )


def detail(api_client, principle, **extra):
    return api_client.get(f"/api/v1/principles/{principle.pk}/", **extra)


def test_api_language_accept_language_fr_serves_french(api_client, principle):
    answer = detail(api_client, principle, HTTP_ACCEPT_LANGUAGE="fr-CH, fr;q=0.9, en;q=0.5")
    body = answer.json()
    assert (body["headline"], body["headline_fr"], body["headline_es"]) == (
        FRENCH,
        FRENCH,
        SPANISH,
    )
    assert answer["Content-Language"] == "fr"
    assert "Accept-Language" in answer["Vary"]


def test_api_language_without_accept_language_serves_english(api_client, principle):
    answer = detail(api_client, principle)
    assert answer.json()["headline"] == ENGLISH
    assert answer["Content-Language"] == "en"


def test_api_language_missing_translation_falls_back_to_english(api_client, principle):
    body = detail(api_client, principle, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert (body["body"], body["body_fr"], body["body_es"]) == (
        "Countries should cooperate.",
        None,
        None,
    )


def test_api_language_unknown_accept_language_serves_english(api_client, principle):
    body = detail(api_client, principle, HTTP_ACCEPT_LANGUAGE="de-CH, de;q=0.9, *;q=0.1").json()
    assert body["headline"] == ENGLISH


def test_api_language_lang_parameter_wins_over_accept_language(api_client, principle):
    answer = api_client.get(
        f"/api/v1/principles/{principle.pk}/", {"lang": "es"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert answer.json()["headline"] == SPANISH
    assert answer["Content-Language"] == "es"


def test_api_language_lang_unknown_refused_with_field_error(api_client, principle):
    answer = api_client.get(f"/api/v1/principles/{principle.pk}/", {"lang": "de"})
    assert answer.status_code == 400
    assert answer.json() == {"lang": ["Choose one of: en, fr, es."]}


def test_api_language_page_cookie_ignored(api_client, principle):
    """A browser's page language (cookie) does not change what the API answers."""
    api_client.cookies["django_language"] = "fr"
    assert detail(api_client, principle).json()["headline"] == ENGLISH


def test_api_language_list_and_error_messages_in_french(api_client, principle):
    rows = api_client.get("/api/v1/principles/", {"lang": "fr"}).json()["results"]
    assert [row["headline"] for row in rows] == [FRENCH]
    refused = api_client.get("/api/v1/principles/", {"year": "x"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 400
    assert refused.json() == {"year": ["Saisissez un nombre entier."]}


def test_api_language_event_agenda_and_documents_in_french(api_client):
    event = EventFactory(
        slug="trafficking", title="Trafficking in persons", title_fr="La traite des personnes"
    )
    SessionFactory(event=event, title="Opening", title_fr="Ouverture")
    SessionFactory(event=event, title="Closing")  # no French title
    event.documents.add(
        DocumentFactory(title="Discussion note", title_fr="Note de synthèse", title_es=None)
    )
    french = api_client.get("/api/v1/events/trafficking/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["title"] == "La traite des personnes"
    assert [item["title"] for item in french["agenda"]] == ["Ouverture", "Closing"]
    assert [doc["title"] for doc in french["document_details"]] == ["Note de synthèse"]
    spanish = api_client.get("/api/v1/events/trafficking/", {"lang": "es"}).json()
    assert spanish["title"] == "Trafficking in persons"
    assert [doc["title"] for doc in spanish["document_details"]] == ["Discussion note"]


def test_api_language_staff_write_english_original_and_translations(api_client):
    """`headline` is written as the English original even in a French request; the French
    and Spanish texts go to `headline_fr` / `headline_es`."""
    api_client.force_authenticate(StaffFactory())
    principle_set = PrincipleSetFactory()
    created = api_client.post(
        "/api/v1/principles/",
        {
            "principle_set": principle_set.pk,
            "label": "z",
            "headline": ENGLISH,
            "headline_fr": FRENCH,
            "body": "Countries should cooperate.",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert created.status_code == 201, created.json()
    assert (created.json()["headline"], created.json()["headline_es"]) == (FRENCH, None)
    principle = Principle.objects.get(label="z")
    assert (principle.headline_en, principle.headline_fr, principle.headline_es) == (
        ENGLISH,
        FRENCH,
        None,
    )
    changed = api_client.patch(
        f"/api/v1/principles/{principle.pk}/",
        {"headline_fr": "  ", "body_es": "Los países deberían cooperar."},
        format="json",
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["headline"], changed.json()["body"]) == (
        ENGLISH,
        "Los países deberían cooperar.",
    )
    principle.refresh_from_db()
    assert (principle.headline_en, principle.headline_fr) == (ENGLISH, None)
    assert principle.body_en == "Countries should cooperate."
    assert principle.history.latest().headline_en == ENGLISH


def test_api_language_event_write_translations(api_client):
    api_client.force_authenticate(StaffFactory())
    event = EventFactory(slug="economic-crisis", title="Migration and the Economic Crisis")
    answer = api_client.patch(
        "/api/v1/events/economic-crisis/",
        {"title_fr": "La migration et la crise économique", "description_es": "Un taller."},
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    assert answer.json()["title"] == "Migration and the Economic Crisis"
    event.refresh_from_db()
    assert (event.title_en, event.title_fr, event.description_es) == (
        "Migration and the Economic Crisis",
        "La migration et la crise économique",
        "Un taller.",
    )


def test_api_language_missing_english_reported_under_written_field(api_client):
    api_client.force_authenticate(StaffFactory())
    document = DocumentFactory(title="Discussion note")
    answer = api_client.patch(
        f"/api/v1/documents/{document.pk}/", {"title": ""}, format="json", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert answer.status_code == 400
    assert list(answer.json()) == ["title"]
    document.refresh_from_db()
    assert document.title_en == "Discussion note"
