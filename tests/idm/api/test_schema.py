"""The served OpenAPI schema, as a client generated from it sees it."""

import re

import pytest

pytestmark = pytest.mark.django_db

# Names that openapi-python-client's generated modules import next to the models: a component
# with one of these names shadows them (`Response` broke every survey-response module).
GENERATED_CLIENT_NAMES = {
    "AuthenticatedClient",
    "Client",
    "Errors",
    "File",
    "FileTypes",
    "Response",
    "Types",
    "UnexpectedStatus",
    "Unset",
}
DOCUMENT_WRITES = {("post", "/api/v1/documents/")} | {
    (method, "/api/v1/documents/{id}/") for method in ("put", "patch")
}


@pytest.fixture
def schema(api_client):
    return api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield method, path, operation


def class_name(component):
    """The Python class name openapi-python-client gives a component."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", component))


def test_schema_request_bodies_json_only_multipart_for_document_uploads(schema):
    content_types = {
        (method, path): sorted(operation["requestBody"]["content"])
        for method, path, operation in operations(schema)
        if "requestBody" in operation
    }
    assert len(content_types) == 20
    for operation, types in content_types.items():
        expected = ["multipart/form-data"] if operation in DOCUMENT_WRITES else ["application/json"]
        assert types == expected, operation


def test_schema_no_component_clashes_with_generated_client_names(schema):
    names = {class_name(name) for name in schema["components"]["schemas"]}
    assert names & GENERATED_CLIENT_NAMES == set()
    assert {"SurveyResponse", "SurveyResponseWriteRequest", "PaginatedSurveyResponseList"} <= names


def test_schema_nullable_fields_served_as_null(schema):
    components = schema["components"]["schemas"]

    def nullable(component, field):
        return is_nullable(components[component]["properties"][field])

    assert nullable("SurveyResponse", "submitted_by")
    assert nullable("SurveyResponse", "member_state")
    assert nullable("Registration", "member_state")
    assert nullable("SessionSpeaker", "presentation")
    assert nullable("Survey", "dialogue_year")
    assert components["Document"]["properties"]["href"] == {
        "type": ["string", "null"],
        "format": "uri",
        "readOnly": True,
    }
    assert not nullable("Survey", "sections")
    assert not nullable("Registration", "event")


def test_schema_survey_response_patch_requires_answers_and_if_match(schema):
    patch = schema["paths"]["/api/v1/responses/{id}/"]["patch"]
    body = patch["requestBody"]
    assert body["required"] is True
    ref = body["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/SurveyResponseWriteRequest"
    assert schema["components"]["schemas"]["SurveyResponseWriteRequest"]["required"] == ["answers"]
    if_match = next(p for p in patch["parameters"] if p["name"] == "If-Match")
    assert (if_match["in"], if_match["required"]) == ("header", True)
    assert "ETag" in patch["responses"]["200"]["headers"]


def is_nullable(schema):
    """OpenAPI 3.1: null among the types, or a `{"type": "null"}` alternative."""
    types = schema.get("type", [])
    alternatives = schema.get("oneOf", []) + schema.get("anyOf", [])
    return "null" in types or {"type": "null"} in alternatives


def response_ref(operation, code):
    return operation["responses"][code]["content"]["application/json"]["schema"]["$ref"]


def test_schema_if_match_operations_document_412_and_428(schema):
    responses = schema["paths"]["/api/v1/responses/{id}/"]
    patch = responses["patch"]
    assert set(patch["responses"]) == {
        "200",
        "400",
        "401",
        "403",
        "404",
        "409",
        "412",
        "415",
        "428",
        "429",
        "503",
    }
    assert response_ref(patch, "400") == "#/components/schemas/ValidationError"
    assert response_ref(patch, "412") == "#/components/schemas/PreconditionFailed"
    assert response_ref(patch, "428") == "#/components/schemas/Error"
    submit = schema["paths"]["/api/v1/responses/{id}/submit/"]["post"]
    assert "412" in submit["responses"]
    assert "428" not in submit["responses"]  # If-Match is optional there
    assert "412" not in responses["get"]["responses"]


def test_schema_every_operation_documents_its_error_statuses(schema):
    for method, path, operation in operations(schema):
        codes = set(operation["responses"])
        assert {"401", "429", "503"} <= codes, (method, path)
        if "{" in path:
            assert "404" in codes, (method, path)
        if method in ("post", "put", "patch"):
            assert "400" in codes, (method, path)
        if method != "get":
            assert "403" in codes, (method, path)
    components = schema["components"]["schemas"]
    assert components["ValidationError"]["properties"]["non_field_errors"]["type"] == "array"
    assert components["Error"]["required"] == ["detail"]


def test_schema_public_operations_allow_anonymous(schema):
    anonymous = {
        (method, path)
        for method, path, operation in operations(schema)
        if {} in operation.get("security", [])
    }
    assert ("get", "/api/v1/member-states/") in anonymous
    assert ("get", "/api/v1/documents/{id}/") in anonymous
    assert ("get", "/api/v1/principles/") in anonymous
    assert ("get", "/api/v1/surveys/{id}/results/") in anonymous
    assert ("post", "/api/v1/auth/token/") in anonymous
    assert ("post", "/api/v1/documents/") not in anonymous
    assert ("get", "/api/v1/registrations/") not in anonymous
    assert ("get", "/api/v1/responses/") not in anonymous
    assert ("get", "/api/v1/delegations/") not in anonymous
    assert ("delete", "/api/v1/auth/token/") not in anonymous
    public = schema["paths"]["/api/v1/member-states/"]["get"]
    assert "403" not in public["responses"]


def test_schema_survey_results_one_component_per_question_kind(schema):
    components = schema["components"]["schemas"]
    results = schema["paths"]["/api/v1/surveys/{id}/results/"]["get"]
    assert response_ref(results, "200") == "#/components/schemas/SurveyResults"
    questions = components["SurveyResults"]["properties"]["questions"]
    assert questions["items"] == {"$ref": "#/components/schemas/QuestionResult"}
    union = components["QuestionResult"]
    assert union["discriminator"]["propertyName"] == "kind"
    mapping = {
        kind: ref.rsplit("/", 1)[-1] for kind, ref in union["discriminator"]["mapping"].items()
    }
    assert mapping == {
        "single_choice": "ChoiceQuestionResult",
        "multiple_choice": "ChoiceQuestionResult",
        "ranking": "RankingQuestionResult",
        "likert": "NumericQuestionResult",
        "number": "NumericQuestionResult",
        "yes_no": "YesNoQuestionResult",
        "short_text": "TextQuestionResult",
        "long_text": "TextQuestionResult",
    }
    ranking_option = components["RankingOptionResult"]["properties"]
    assert {"borda", "mean_rank", "first", "top_k", "top_k_percent"} <= set(ranking_option)


def test_schema_every_operation_takes_the_answer_language(schema):
    for method, path, operation in operations(schema):
        parameters = {(p["in"], p["name"]): p for p in operation.get("parameters", [])}
        assert parameters[("query", "lang")]["schema"]["enum"] == ["en", "fr", "es"], path
        assert ("header", "Accept-Language") in parameters, (method, path)
        assert "400" in operation["responses"], (method, path)
    principle = schema["components"]["schemas"]["PrincipleRequest"]["properties"]
    assert {"headline", "headline_fr", "headline_es", "body_fr", "body_es"} <= set(principle)
    assert "headline_en" not in principle  # `headline` is written as the English original
