"""Hostile input to every API operation of the served OpenAPI schema never gets a 5xx.

The operations are read from /api/schema/ (not listed by hand): a new endpoint is attacked as
soon as it is served. Each operation is sent, as IOM staff (token), as a delegate (token) and
anonymously: NUL bytes in every string path and query parameter and body field, wrong types
for each body field, a 10 MB body, deeply nested JSON and malformed headers (If-Match,
Accept-Language, Authorization). Detail routes resolve real objects created for the test.
"""

import json
import re
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token

from surveys.models import Question
from tests.factories import DocumentFactory, StaffFactory
from tests.funding.factories import BudgetLineFactory, ContributionFactory
from tests.principles.factories import PrincipleFactory
from tests.surveys.api.test_views import draft
from tests.surveys.factories import delegation, small_survey
from tests.workshops.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

NUL = "a\x00b"
TEN_MB = 10 * 1024 * 1024
CURRENT_VERSION = object()  # If-Match: the version the caller last read
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def served_schema():
    """The OpenAPI schema as the portal serves it (no database needed to build it)."""
    answer = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert answer.status_code == 200, answer.content[:300]
    return json.loads(answer.content)


SCHEMA = served_schema()
OPERATIONS = [
    (method.upper(), path, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
    if method in HTTP_METHODS
]


def resolve(schema):
    """A schema with its `$ref` (and single-item allOf) replaced by the component."""
    while True:
        if "$ref" in schema:
            schema = SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        elif len(schema.get("allOf", [])) == 1:
            schema = schema["allOf"][0]
        else:
            return schema


def json_body_schema(operation):
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" not in content:
        return None
    return resolve(content["application/json"].get("schema", {}))


def writable_properties(body_schema):
    return {
        name: resolve(field)
        for name, field in body_schema.get("properties", {}).items()
        if not field.get("readOnly")
    }


def field_type(field):
    """The field's JSON type; OpenAPI 3.1 writes a nullable one as ["string", "null"]."""
    kind = field.get("type")
    if isinstance(kind, list):
        return next((item for item in kind if item != "null"), None)
    return kind


def plausible_value(field):
    """A value of the field's declared type (the body the attacks start from)."""
    if "enum" in field:
        return next((value for value in field["enum"] if value is not None), None)
    kind = field_type(field)
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return {}
    if field.get("format") == "email":
        return "someone@example.org"
    if field.get("format") == "uri":
        return "https://www.iom.int/"
    if field.get("format") == "date":
        return "2030-01-01"
    if field.get("format") == "date-time":
        return "2030-01-01T10:00:00Z"
    return "text"


def wrong_types(field):
    """Values of every other JSON type than the field's."""
    values = {
        "string": "text",
        "integer": 7,
        "number": 1e308,
        "boolean": False,
        "array": ["a", 1, None],
        "object": {"a": {"b": 1}},
        "null": None,
    }
    values.pop(field_type(field), None)
    if field_type(field) in ("integer", "number"):
        return [*values.values(), -(2**70), "²", "1" * 5000]
    return list(values.values())


class World:
    """The objects that detail routes resolve, and the callers."""

    def __init__(self):
        self.s = small_survey()
        self.d = delegation()
        self.response = draft(self.s, self.d, {self.s.likert.pk: 3})
        self.unanswered = small_survey()  # the delegate's state may still start a response
        document = DocumentFactory()
        registration = RegistrationFactory()
        principle = PrincipleFactory()
        contribution = ContributionFactory(dialogue=registration.event.dialogue)
        budget_line = BudgetLineFactory(event=registration.event)
        self.staff = StaffFactory()
        self.tokens = {
            "staff": Token.objects.create(user=self.staff).key,
            "delegate": Token.objects.create(user=self.d.focal_point).key,
        }
        self.users = {"staff": self.staff, "delegate": self.d.focal_point}
        self.path_values = {
            "/api/v1/responses/{id}/": self.response.pk,
            "/api/v1/surveys/{id}/": self.s.survey.pk,
            "/api/v1/documents/{id}/": document.pk,
            "/api/v1/principles/{id}/": principle.pk,
            "/api/v1/dialogues/{year}/": document.dialogue.year,
            "/api/v1/events/{slug}/": registration.event.slug,
            "/api/v1/registrations/{reference}/": registration.reference,
            "/api/v1/member-states/{code}/": self.d.state.code,
            "/api/v1/delegations/{code}/": self.d.state.code,
            "/api/v1/contributions/{id}/": contribution.pk,
            "/api/v1/budgets/{id}/": budget_line.pk,
            "/api/v1/donors/{id}/": contribution.donor.pk,
        }
        # Bodies refer to these objects, so that a write reaches the database.
        self.known_values = {
            "survey": self.unanswered.survey.pk,
            "donor": contribution.donor.pk,
            "dialogue_year": registration.event.dialogue.year,
            "event": registration.event.slug,
        }
        self.surveys = [self.s.survey, self.unanswered.survey]
        self.client = Client(raise_request_exception=False)
        self.versions = {}

    def path_value(self, path, name):
        for prefix, value in self.path_values.items():
            if path.startswith(prefix.split("{")[0]) and "{" + name + "}" in prefix:
                return str(value)
        return "1"

    def free_form_values(self, value):
        """Free-form objects keyed as this test's data knows (answers, by question, to each
        survey)."""
        for question in Question.objects.filter(section__survey__in=self.surveys):
            yield {str(question.pk): value}

    def current_version(self, role, url):
        """If-Match for a write: the ETag the caller last received, read with GET first."""
        if (role, url) not in self.versions:
            answer = self.client.get(url, **self.auth(role, {}))
            self.versions[role, url] = answer.headers.get("ETag", '"1"')
        return self.versions[role, url]

    def auth(self, role, headers):
        meta = dict(headers)
        if role in self.tokens and "HTTP_AUTHORIZATION" not in meta:
            # DELETE /auth/token/ deletes the token: give it back for the next attack.
            Token.objects.get_or_create(key=self.tokens[role], user=self.users[role])
            meta["HTTP_AUTHORIZATION"] = f"Token {self.tokens[role]}"
        return meta

    def send(self, role, method, url, body=None, headers=None):
        cache.clear()  # throttling counters: every attack is judged on its own
        meta = self.auth(role, headers or {})
        if meta.get("HTTP_IF_MATCH") == CURRENT_VERSION:
            meta["HTTP_IF_MATCH"] = self.current_version(role, url)
        if body is not None and not isinstance(body, bytes | str):
            body = json.dumps(body)
        answer = self.client.generic(
            method, url, body or "", content_type="application/json", **meta
        )
        if "ETag" in answer.headers:
            self.versions[role, url] = answer.headers["ETag"]
        return answer.status_code


def fill_path(world, path, values=None):
    values = values or {}

    def value(match):
        name = match.group(1)
        return values.get(name, world.path_value(path, name))

    return re.sub(r"\{(\w+)\}", value, path)


def quoted(text):
    return quote(text, safe="")


def attacks(world, role, method, path, operation):
    """(description, url, body, headers) of every hostile request for one operation."""
    url = fill_path(world, path)
    parameters = operation.get("parameters", [])
    for parameter in parameters:
        if parameter["in"] == "path":
            yield (
                f"NUL in path {parameter['name']}",
                fill_path(world, path, {parameter["name"]: quoted(NUL)}),
                None,
                {},
            )
        if parameter["in"] == "query":
            for hostile in (NUL, "\x01\x1f", "²", "1" * 5000, "-1"):
                yield (
                    f"{hostile[:4]!r} in ?{parameter['name']}",
                    f"{url}?{parameter['name']}={quoted(hostile)}",
                    None,
                    {},
                )
    yield from header_attacks(role, method, url)
    body_schema = json_body_schema(operation)
    if body_schema is None and method == "GET":
        return
    yield "10 MB body", url, b'{"a": "' + b"x" * TEN_MB + b'"}', {}
    yield "JSON nested 5000 deep", url, "[" * 5000, {}


def field_attacks(world, method, path, operation):
    """Hostile values for each field of the JSON body, the other fields plausible."""
    url = fill_path(world, path)
    parameters = operation.get("parameters", [])
    body_schema = json_body_schema(operation)
    if body_schema is None:
        return
    fields = writable_properties(body_schema)
    base = {
        name: world.known_values.get(name, plausible_value(field)) for name, field in fields.items()
    }
    version = (
        {"HTTP_IF_MATCH": CURRENT_VERSION}
        if any(parameter["name"] == "If-Match" for parameter in parameters)
        else {}
    )
    for name, field in fields.items():
        hostile_values = [NUL, *wrong_types(field), [[[[1]]]]]
        if field_type(field) == "object":
            hostile_values += [*world.free_form_values(NUL), {"1": [NUL]}, {NUL: 1}]
        if field_type(field) == "array":
            hostile_values += [[NUL], [{"a": NUL}]]
        for hostile in hostile_values:
            yield (
                f"{name}={str(hostile)[:20]!r}",
                url,
                {**base, name: hostile},
                version,
            )


def header_attacks(role, method, url):
    if method != "GET":
        for value in ["²", "1" * 5000, "\x00", '"1', "W/", "-1", "*", "1" * 20 + "é"]:
            yield f"If-Match {value[:6]!r}", url, None, {"HTTP_IF_MATCH": value}
    for value in ["\x00", "x" * 5000, "*;q=abc", "en;q=1e999", "ü"]:
        yield f"Accept-Language {value[:6]!r}", url, None, {"HTTP_ACCEPT_LANGUAGE": value}
    if role == "anonymous":  # a bad Authorization header replaces the caller's own
        for value in ["Token \x00", "Token " + "a" * 5000, "Token", "Token a b", "Basic ###", "²"]:
            yield f"Authorization {value[:8]!r}", url, None, {"HTTP_AUTHORIZATION": value}


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[f"{method} {path}" for method, path, _operation in OPERATIONS],
)
def test_hostile_input_never_answers_5xx(method, path, operation):
    world = World()
    server_errors = []
    url = fill_path(world, path)
    for role in ("staff", "delegate", "anonymous"):
        hostile = list(attacks(world, role, method, path, operation))
        # The body's fields are attacked for the callers the operation lets in (a refusal
        # comes before the body is read).
        if json_body_schema(operation) and world.send(role, method, url, {}) not in (401, 403):
            hostile += field_attacks(world, method, path, operation)
        for description, attack_url, body, headers in hostile:
            status = world.send(role, method, attack_url, body, headers)
            if status >= 500:
                server_errors.append(f"{role}: {description} -> {status}")
    assert not server_errors, "\n".join(server_errors)


def test_hostile_input_enumerates_the_served_operations():
    served = {(method, path) for method, path, _operation in OPERATIONS}
    assert ("PATCH", "/api/v1/responses/{id}/") in served
    assert ("POST", "/api/v1/auth/token/") in served
    assert len(served) >= 30
