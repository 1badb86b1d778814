"""Every response the API serves matches the schema it serves (openapi-core validates status,
content type, headers and body, nulls included)."""

import re

import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from idm.models import User
from tests.factories import DelegateFactory
from tests.idm.api.schema_data import api_objects, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api_client):
    return api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


@pytest.fixture
def openapi(schema):
    return OpenAPI.from_dict(schema)


def check(openapi, answer, method, template, path):
    request = MockRequest("http://testserver", method, path, path_pattern=template)
    response = MockResponse(
        answer.content,
        status_code=answer.status_code,
        headers=dict(answer.headers),
        content_type=answer["Content-Type"],
    )
    openapi.validate_response(request, response)


def get_paths(schema):
    return [
        path
        for path, item in schema["paths"].items()
        if "get" in item and not path.startswith("/api/v1/auth/")
    ]


def fill(template, value):
    return re.sub(r"\{[^}]+\}", str(value), template)


def test_schema_every_get_response_matches_schema_with_nulls(api_client, schema, openapi):
    objects = api_objects()
    api_client.force_authenticate(staff())
    checked = []
    for template in get_paths(schema):
        paths = (
            [fill(template, value) for value in objects[template]]
            if "{" in template
            else [template]
        )
        for path in paths:
            answer = api_client.get(path)
            assert answer.status_code == 200, (path, answer.content)
            check(openapi, answer, "get", template, path)
            checked.append(path)
    assert len(checked) == 34


def test_schema_null_values_are_served(api_client):
    objects = api_objects()
    api_client.force_authenticate(staff())
    documents = [
        api_client.get(f"/api/v1/documents/{pk}/").json()
        for pk in objects["/api/v1/documents/{id}/"]
    ]
    assert [document["href"] for document in documents] == ["https://www.iom.int/idm", None]
    event = api_client.get(fill("/api/v1/events/{slug}/", objects["/api/v1/events/{slug}/"][0]))
    speakers = event.json()["agenda"][0]["speakers"]
    assert [speaker["presentation"] is None for speaker in speakers] == [True, False]
    assert speakers[1]["presentation"]["href"] is None
    registrations = api_client.get("/api/v1/registrations/").json()["results"]
    assert registrations[0]["member_state"] is None
    responses = api_client.get("/api/v1/responses/").json()["results"]
    assert sorted((r["status"], r["submitted_by"]) for r in responses) == [
        ("draft", None),
        ("submitted", "fp.ph@example.org"),
    ]


def test_schema_results_match_schema_anonymous_and_staff(api_client, openapi):
    objects = api_objects()
    template = "/api/v1/surveys/{id}/results/"
    answered = fill(template, objects[template][0])
    anonymous = api_client.get(answered)
    check(openapi, anonymous, "get", template, answered)
    texts = [q for q in anonymous.json()["questions"] if q["kind"] == "long_text"][0]["texts"]
    assert texts == [{"text": "More workshops."}]
    api_client.force_authenticate(staff())
    for value in objects[template]:
        path = fill(template, value)
        check(openapi, api_client.get(path), "get", template, path)
    by_kind = {q["kind"]: q for q in api_client.get(answered).json()["questions"]}
    assert by_kind["long_text"]["texts"][0]["member_state"]
    assert by_kind["number"]["minimum"] == "7.50"
    assert by_kind["ranking"]["options"][0]["mean_rank"] == 1.0
    unanswered = fill(template, objects[template][1])
    numbers = [q for q in api_client.get(unanswered).json()["questions"] if q["kind"] == "number"]
    assert (numbers[0]["mean"], numbers[0]["distribution"]) == (None, [])


def test_schema_error_responses_match_schema(api_client, openapi):
    objects = api_objects()
    responses = "/api/v1/responses/{id}/"
    draft = fill(responses, objects[responses][1])
    check(openapi, api_client.get(draft), "get", responses, draft)  # 401
    api_client.force_authenticate(DelegateFactory())
    check(
        openapi,
        api_client.get("/api/v1/registrations/"),
        "get",
        "/api/v1/registrations/",
        "/api/v1/registrations/",
    )  # 403
    api_client.force_authenticate(staff())
    missing = fill(responses, 999999)
    check(openapi, api_client.get(missing), "get", responses, missing)  # 404
    api_client.force_authenticate(User.objects.get(email="contributor.mx@example.org"))
    body = {"answers": {}}
    cases = [
        ({}, 428),
        ({"HTTP_IF_MATCH": '"7"'}, 412),
    ]
    for headers, status in cases:
        answer = api_client.patch(draft, body, format="json", **headers)
        assert answer.status_code == status, answer.content
        check(openapi, answer, "patch", responses, draft)
    api_client.force_authenticate(staff())
    invalid = api_client.post("/api/v1/principles/", {"label": ""}, format="json")
    assert invalid.status_code == 400
    check(openapi, invalid, "post", "/api/v1/principles/", "/api/v1/principles/")
    unsupported = api_client.post("/api/v1/principles/", "x", content_type="text/plain")
    assert unsupported.status_code == 415
    check(openapi, unsupported, "post", "/api/v1/principles/", "/api/v1/principles/")
