"""Query parameters the schema does not admit are refused with a 400 naming the parameter, and
any other address under /api/v1/ is the API's JSON 404 (schemathesis found each of these)."""

import pytest

from tests.factories import DialogueFactory, MemberStateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/dialogues/?page_size=null", "page_size"),
        ("/api/v1/dialogues/?page_size=0", "page_size"),
        ("/api/v1/documents/?year=0.5", "year"),
        ("/api/v1/documents/?revision=0.5", "revision"),
        ("/api/v1/member-states/?sponsorship_eligible=null", "sponsorship_eligible"),
        ("/api/v1/dialogues/?search=a%00b", "search"),
    ],
)
def test_api_query_parameter_outside_schema_400_names_it(api_client, url, parameter):
    answer = api_client.get(url)
    assert answer.status_code == 400
    assert list(answer.json()) == [parameter]


def test_api_page_size_above_maximum_capped(api_client):
    MemberStateFactory()
    assert api_client.get("/api/v1/member-states/?page_size=501").status_code == 200


def test_api_filter_on_unknown_related_id_finds_nothing(api_client):
    answer = api_client.get("/api/v1/principles/?principle_set=0")
    assert (answer.status_code, answer.json()["count"]) == (200, 0)


def test_api_unknown_address_json_404(api_client):
    DialogueFactory(year=2009)
    answer = api_client.get("/api/v1/dialogues/0.5/")
    assert (answer.status_code, answer.json()) == (404, {"detail": "Not found."})
    assert api_client.get("/api/v1/dialogues/2009/").status_code == 200
    assert api_client.get("/api/v1/dialogues").status_code == 301


@pytest.mark.parametrize("url", ["/api/v1/documents/", "/api/v1/member-states/", "/api/v1/events/"])
def test_search_with_nul_400_names_the_parameter(api_client, url):
    answer = api_client.get(url, {"search": "a\x00b"})
    assert answer.status_code == 400
    assert answer.json() == {"search": ["Null characters are not allowed."]}


def test_schema_still_declares_search_parameter(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    operation = schema.json()["paths"]["/api/v1/documents/"]["get"]
    assert "search" in {parameter["name"] for parameter in operation["parameters"]}
