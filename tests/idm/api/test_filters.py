import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/documents/", "/api/v1/member-states/", "/api/v1/events/"])
def test_search_with_nul_400_names_the_parameter(api_client, url):
    answer = api_client.get(url, {"search": "a\x00b"})
    assert answer.status_code == 400
    assert answer.json() == {"search": ["Null characters are not allowed."]}


def test_schema_still_declares_search_parameter(api_client):
    schema = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    operation = schema.json()["paths"]["/api/v1/documents/"]["get"]
    assert "search" in {parameter["name"] for parameter in operation["parameters"]}
