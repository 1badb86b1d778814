import pytest
from django.core.management import call_command
from django.db import connection

from principles.models import Principle
from tests.factories import DelegateFactory, StaffFactory
from tests.helpers import count_queries
from tests.principles.factories import PrincipleFactory, PrincipleSetFactory, TopicFactory
from tests.principles.test_seed import HEADLINES

pytestmark = pytest.mark.django_db


def test_principles_api_lists_eleven_with_seed_headlines(api_client):
    call_command("seed_idm")
    body = api_client.get("/api/v1/principles/", {"year": 2008}).json()
    assert body["count"] == 11
    assert {row["label"]: row["headline"] for row in body["results"]} == HEADLINES
    first = body["results"][0]
    assert (first["label"], first["set_title"], first["dialogue_year"]) == (
        "a",
        "Key policy principles on return migration",
        2008,
    )
    assert first["events"] == [
        "2008-managing-return-migration",
        "2008-return-migration-and-development",
    ]


def test_principles_api_filter_topic(api_client):
    call_command("seed_idm")
    rows = api_client.get("/api/v1/principles/", {"topic": "human-rights"}).json()["results"]
    assert [row["label"] for row in rows] == ["d", "h"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL")
def test_principles_api_search_reintegration(api_client):
    call_command("seed_idm")
    rows = api_client.get("/api/v1/principles/", {"search": "reintegration"}).json()["results"]
    assert {"e", "f", "j"} <= {row["label"] for row in rows}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search: PostgreSQL")
def test_principles_api_search_words_matching_nothing_finds_nothing(api_client):
    call_command("seed_idm")
    body = api_client.get("/api/v1/principles/", {"search": "banana orange"}).json()
    assert (body["count"], body["results"]) == (0, [])
    found = api_client.get("/api/v1/principles/", {"search": "reintegration"}).json()
    assert {"e", "f", "j"} <= {row["label"] for row in found["results"]}


def test_principles_api_staff_creates_principle(api_client):
    principle_set = PrincipleSetFactory()
    TopicFactory(slug="human-rights")
    api_client.force_authenticate(StaffFactory())
    response = api_client.post(
        "/api/v1/principles/",
        {
            "principle_set": principle_set.pk,
            "label": "a",
            "headline": "Human rights are universal.",
            "topics": ["human-rights"],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    principle = Principle.objects.get()
    assert [t.slug for t in principle.topics.all()] == ["human-rights"]


def test_principles_api_duplicate_label_400(api_client):
    existing = PrincipleFactory(label="a")
    api_client.force_authenticate(StaffFactory())
    response = api_client.post(
        "/api/v1/principles/",
        {"principle_set": existing.principle_set_id, "label": "a", "headline": "Again."},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["This set already has a principle with this label."]
    }


def test_principles_api_refuses_writes_anonymous_and_delegate(api_client):
    assert api_client.post("/api/v1/principles/", {}).status_code in (401, 403)
    api_client.force_authenticate(DelegateFactory())
    assert api_client.post("/api/v1/principles/", {}).status_code == 403


def make_principle(i):
    principle = PrincipleFactory()
    principle.topics.add(TopicFactory())


def test_principles_list_same_query_count_for_1_and_20_rows(api_client, django_assert_num_queries):
    make_principle(0)
    queries_for_one = count_queries(api_client, "/api/v1/principles/")
    for i in range(1, 20):
        make_principle(i)
    with django_assert_num_queries(queries_for_one):
        response = api_client.get("/api/v1/principles/")
    assert response.json()["count"] == 20
