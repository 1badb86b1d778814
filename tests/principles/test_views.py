import pytest
from django.core.management import call_command
from django.db import connection

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
