import pytest

from idm.api.parsers import MAX_JSON_DEPTH, json_depth_exceeds, null_character_paths
from surveys.models import Response
from tests.surveys.api.test_views import draft
from tests.surveys.factories import delegation, small_survey

pytestmark = pytest.mark.django_db


def test_parser_token_endpoint_json_nested_5000_deep_anonymous_400(api_client):
    answer = api_client.post("/api/v1/auth/token/", "[" * 5000, content_type="application/json")
    assert answer.status_code == 400
    assert "Malformed JSON" in answer.json()["detail"]


def test_parser_patch_arrays_nested_1000_deep_400_and_nothing_saved(api_client):
    s, d = small_survey(), delegation()
    response = draft(s, d, {s.likert.pk: 3})
    api_client.force_authenticate(d.contributor)
    nested = "[" * 1000 + "]" * 1000
    body = f'{{"answers": {{"{s.likert.pk}": {nested}}}}}'
    answer = api_client.patch(
        f"/api/v1/responses/{response.pk}/",
        body,
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert answer.status_code == 400
    assert "Malformed JSON" in answer.json()["detail"]
    assert Response.objects.get().version == 1


def test_parser_form_encoded_body_415_json_only(api_client):
    answer = api_client.post(
        "/api/v1/auth/token/",
        "email=a%40example.org&password=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 415


def test_json_depth_exceeds_counts_levels_of_lists_and_objects():
    assert not json_depth_exceeds({"a": [1, {"b": 2}]}, 3)
    assert json_depth_exceeds({"a": [1, {"b": [2]}]}, 3)
    deep = []
    for _ in range(MAX_JSON_DEPTH):
        deep = [deep]
    assert json_depth_exceeds(deep, MAX_JSON_DEPTH)
    assert not json_depth_exceeds(deep[0], MAX_JSON_DEPTH)


def test_parser_nul_in_any_string_400_names_the_field(api_client):
    answer = api_client.post(
        "/api/v1/auth/token/",
        '{"email": "a@example.org", "password": "x\\u0000y"}',
        content_type="application/json",
    )
    assert answer.status_code == 400
    assert answer.json() == {"password": ["Null characters are not allowed."]}


def test_null_character_paths_finds_values_keys_and_list_items():
    body = {"a": "ok", "b": {"c": ["x", "y\x00"]}, "d\x00": 1, "e": "\x00"}
    assert null_character_paths(body) == [("b", "c", "1"), ("d\\u0000",), ("e",)]
    assert null_character_paths("\x00") == [()]
    assert null_character_paths({"a": ["b", {"c": 1}]}) == []
