import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import translation

from principles.models import Principle, Topic
from tests.helpers import count_queries
from tests.principles.factories import PrincipleFactory, TopicFactory
from tests.workshops.factories import EventFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL (runs in CI)"
)


def labels(response):
    return [p.label for _set, principles in response.context["groups"] for p in principles]


def test_principles_page_lists_all_eleven_in_order(client):
    call_command("seed_idm")
    response = client.get("/principles/")
    assert labels(response) == list("abcdefghijk")
    content = response.content.decode()
    assert "Key policy principles on return migration" in content
    assert "Managing Return Migration" in content  # the events they emanated from


@on_postgresql
def test_principles_search_reintegration_finds_e_f_and_j(client):
    call_command("seed_idm")
    response = client.get("/principles/", {"q": "reintegration"})
    found = labels(response)
    assert {"e", "f", "j"} <= set(found)
    assert "a" not in found
    assert "principles found" in response.content.decode()


@on_postgresql
def test_principles_search_words_matching_nothing_finds_nothing(client):
    call_command("seed_idm")
    response = client.get("/principles/", {"q": "banana orange"})
    assert labels(response) == []
    assert response.context["result_count"] == 0
    assert "No principle matches your search." in response.content.decode()


def test_principles_search_every_word_must_match(client):
    call_command("seed_idm")
    assert labels(client.get("/principles/", {"q": "AVRR banana"})) == []
    assert labels(client.get("/principles/", {"q": "AVRR"})) == ["f"]


@on_postgresql
def test_principles_search_stems_english_words(client):
    call_command("seed_idm")
    found = labels(client.get("/principles/", {"q": "partnerships"}))
    assert {"j", "k"} <= set(found)


def test_principles_search_fallback_matches_words(client):
    call_command("seed_idm")
    found = labels(client.get("/principles/", {"q": "AVRR"}))
    assert found == ["f"]


def test_principles_topic_filter(client):
    call_command("seed_idm")
    found = labels(client.get("/principles/", {"topic": "policy-coherence"}))
    assert found == ["c", "g", "h"]


def test_principles_nothing_found_says_so(client):
    call_command("seed_idm")
    response = client.get("/principles/", {"q": "zzzyyyxxx"})
    assert "No principle matches your search." in response.content.decode()


def test_principles_unknown_topic_shows_error_not_500(client):
    response = client.get("/principles/", {"topic": "nothing"})
    assert response.status_code == 200
    assert "topic" in response.context["form"].errors


def make_principle(i):
    principle = PrincipleFactory()
    principle.topics.add(TopicFactory())
    principle.events.add(EventFactory())


@pytest.mark.parametrize("url", ["/principles/", "/principles/?q=headline"])
def test_principles_page_same_query_count_for_1_and_20_rows(client, django_assert_num_queries, url):
    make_principle(0)
    queries_for_one = count_queries(client, url)
    for i in range(1, 20):
        make_principle(i)
    with django_assert_num_queries(queries_for_one):
        response = client.get(url)
    assert len(labels(response)) == 20


FRENCH_F = (
    "L’aide au retour volontaire et à la réintégration (AVRR) s’est révélée une stratégie "
    "efficace pour organiser un retour durable."
)


def french_client(client):
    client.cookies["django_language"] = "fr"
    return client


def test_principles_page_french_text_served_english_fallback(client):
    call_command("seed_idm")
    principle = Principle.objects.get(label="f")
    principle.headline_fr = FRENCH_F
    principle.save()
    Topic.objects.filter(slug="reintegration").update(name_fr="Réintégration")
    content = french_client(client).get("/principles/").content.decode()
    assert FRENCH_F in content
    assert "Réintégration</a>" in content
    # (f)'s body and every other principle have no French text yet: English, not blank.
    assert "AVRR can be useful in cases where migrants may wish to return" in content
    english = Client().get("/principles/").content.decode()
    assert "Assisted Voluntary Return and Reintegration (AVRR) has proven" in english
    assert "réintégration (AVRR)" not in english


@on_postgresql
def test_principles_search_french_finds_french_text_accents_ignored(client):
    """ "réintégration" finds the principle on reintegration once its French text exists, with
    French stemming ("durables") and without the accents."""
    call_command("seed_idm")
    french_client(client)
    assert labels(client.get("/principles/", {"q": "retour durable"})) == []
    principle = Principle.objects.get(label="f")
    principle.headline_fr = FRENCH_F
    principle.save()
    for query in ["réintégration", "reintegration durable", "réintégrations durables"]:
        found = labels(client.get("/principles/", {"q": query}))
        assert "f" in found, query
    assert labels(client.get("/principles/", {"q": "retour durable"})) == ["f"]
    # The English page searches the English text: the French words are not there.
    assert labels(Client().get("/principles/", {"q": "durable"})) == []


@on_postgresql
def test_principles_search_spanish_page_spanish_stemming(client):
    call_command("seed_idm")
    principle = Principle.objects.get(label="e")
    principle.headline_es = "El retorno voluntario es preferible al retorno forzoso."
    principle.save()
    client.cookies["django_language"] = "es"
    assert labels(client.get("/principles/", {"q": "retornos forzosos"})) == ["e"]
    assert labels(client.get("/principles/", {"q": "preferíble"})) == ["e"]


@on_postgresql
def test_principles_api_search_in_requested_language(api_client):
    call_command("seed_idm")
    principle = Principle.objects.get(label="f")
    principle.headline_fr = FRENCH_F
    principle.save()
    rows = api_client.get(
        "/api/v1/principles/", {"search": "réintégration durable"}, HTTP_ACCEPT_LANGUAGE="fr"
    ).json()["results"]
    assert [(row["label"], row["headline"]) for row in rows] == [("f", FRENCH_F)]
    english = api_client.get("/api/v1/principles/", {"search": "durable"}).json()
    assert english["count"] == 0


@pytest.mark.parametrize("language", ["fr", "es"])
def test_principles_french_search_same_query_count_for_1_and_20_rows(
    client, django_assert_num_queries, language
):
    client.cookies["django_language"] = language
    url = "/principles/?q=headline"
    make_principle(0)
    queries_for_one = count_queries(client, url)
    with translation.override("en"):  # the request left its language active
        for i in range(1, 20):
            make_principle(i)
    with django_assert_num_queries(queries_for_one):
        response = client.get(url)
    assert len(labels(response)) == 20
