"""The API's OpenAPI schema: what a generated client needs beyond drf-spectacular's defaults.

One AutoSchema (settings: REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"]) for every view, so no view
annotates these by hand:
- every operation lists the error statuses it answers, each with its body (`Error`,
  `ValidationError`, `PreconditionFailed`), decided from its method, parameters and permissions;
- an operation that an anonymous caller may use says so (`{}` among its security requirements),
  found by asking the view's own permission classes about an anonymous request;
- a field read through a nullable model field (`submitted_by`, `member_state`, ...) is nullable
  in responses, whatever the serializer declares;
- every operation takes the answer's language: `?lang=` or the Accept-Language header
  (idm.middleware.ApiLanguageMiddleware).

Views use `if_match_parameter` and `etag_header` for optimistic concurrency; an operation with
an If-Match parameter also answers 412 (stale version) and, when If-Match is required, 428.
A POST decorated with `idm.api.idempotency.idempotent` documents the Idempotency-Key header
and answers 422 (the key reused with another request).
"""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from idm.api.conditional import CachedReadMixin
from idm.api.idempotency import HEADER as IDEMPOTENCY_KEY_HEADER
from idm.api.preconditions import IF_MATCH_VERSION
from idm.content_languages import CONTENT_LANGUAGES
from idm.middleware import LANGUAGE_PARAMETER

ERROR = {
    "type": "object",
    "description": "Why the request was refused.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
VALIDATION_ERROR = {
    "type": "object",
    "description": (
        "The request was not accepted. Each key names a field of the request and holds the "
        "messages about it (a list of strings; an object keyed by item for a field holding "
        "several values, such as `answers`); `non_field_errors` concerns the request as a "
        "whole; `detail` says why a body could not be read at all (malformed JSON)."
    ),
    "properties": {
        "detail": {"type": "string"},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {},
}
PRECONDITION_FAILED = {
    "type": "object",
    "description": "The If-Match version is not the current one: nothing was written.",
    "properties": {
        "detail": {"type": "string"},
        "version": {"type": "integer", "description": "The current version."},
    },
    "required": ["detail", "version"],
}
ERROR_COMPONENTS = {
    "Error": ERROR,
    "ValidationError": VALIDATION_ERROR,
    "PreconditionFailed": PRECONDITION_FAILED,
}
ERROR_STATUSES = {
    "400": ("ValidationError", "Invalid request: the body holds the messages per field."),
    "401": ("Error", "Not authenticated, or the token is not valid."),
    "403": ("Error", "Not allowed."),
    "404": ("Error", "Not found (or not visible to the caller)."),
    "409": ("Error", "Conflicts with the object's current state."),
    "412": ("PreconditionFailed", "If-Match names an older version: nothing was written."),
    "415": ("Error", "Unsupported media type: send JSON."),
    "422": ("Error", "The Idempotency-Key was already used with a different request."),
    "428": ("Error", "If-Match is missing: send the version (the ETag of GET)."),
    "429": ("Error", "Too many requests: wait for the Retry-After seconds."),
    "503": ("Error", "Briefly unavailable (the shared cache that counts requests is down)."),
}
# A version as an entity tag: "3", 3 or W/"3" (ASCII digits only).
IF_MATCH_PATTERN = f"^{IF_MATCH_VERSION.pattern}$"  # what idm.api.preconditions accepts
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def if_match_parameter(*, required):
    return OpenApiParameter(
        "If-Match",
        {"type": "string", "pattern": IF_MATCH_PATTERN},
        OpenApiParameter.HEADER,
        required=required,
        description='The version being changed: the ETag of GET, e.g. "3".',
    )


def etag_header(*codes):
    return OpenApiParameter(
        "ETag",
        str,
        OpenApiParameter.HEADER,
        response=set(codes),
        description="The version of the returned object, for If-Match.",
    )


LANGUAGE_PARAMETERS = [
    OpenApiParameter(
        LANGUAGE_PARAMETER,
        {"type": "string", "enum": list(CONTENT_LANGUAGES)},
        OpenApiParameter.QUERY,
        description=(
            "The language of the answer's texts (titles, descriptions, principles, messages): "
            "en, fr or es. A text without a translation is given in English. Takes precedence "
            "over Accept-Language; another value is a 400."
        ),
    ),
    OpenApiParameter(
        "Accept-Language",
        str,
        OpenApiParameter.HEADER,
        description=(
            "The preferred languages (e.g. `fr-CH, fr;q=0.9`): the first of en, fr, es named "
            "is used; English if none is. The answer's Content-Language says which."
        ),
    ),
]


def error_response(code, description=None):
    """`responses` entry of an error status a view answers beyond the standard ones, e.g.
    `extend_schema(responses={..., 409: error_response(409)})`."""
    component, standard_description = ERROR_STATUSES[str(code)]
    return OpenApiResponse(
        response={"$ref": f"#/components/schemas/{component}"},
        description=description or standard_description,
    )


def source_is_nullable(field):
    """True when the field's source passes through a model field that may be null."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or field.source == "*":
        return False
    for attr in field.source_attrs:
        try:
            model_field = model._meta.get_field(attr)
        except FieldDoesNotExist:
            return False
        if model_field.one_to_many or model_field.many_to_many:
            return False  # a collection: empty, never null
        if getattr(model_field, "null", False):
            return True
        model = model_field.related_model
        if model is None:
            return False
    return False


def nullable_as_openapi_3_1(result, generator, request, public):
    """Postprocessing hook: `nullable: true` left by schemas drf-spectacular does not convert
    (the paginator's `next`/`previous`) becomes OpenAPI 3.1's null type."""

    def convert(node):
        if isinstance(node, dict):
            if node.pop("nullable", False):
                if isinstance(node.get("type"), str):
                    node["type"] = [node["type"], "null"]
                elif isinstance(node.get("type"), list) and "null" not in node["type"]:
                    node["type"].append("null")
            for value in node.values():
                convert(value)
        elif isinstance(node, list):
            for value in node:
                convert(value)

    convert(result)
    return result


CONDITIONAL_READ_PARAMETERS = [
    {
        "in": "header",
        "name": "If-None-Match",
        "schema": {"type": "string"},
        "description": "The ETag of a copy you hold: 304 without a body if it is current.",
    },
    {
        "in": "header",
        "name": "If-Modified-Since",
        "schema": {"type": "string"},
        "description": (
            "An HTTP date (the Last-Modified you were given): 304 without a body if nothing "
            "changed since. If-None-Match takes precedence."
        ),
    },
]
CONDITIONAL_READ_HEADERS = {
    "ETag": "Identifies this representation, for If-None-Match.",
    "Last-Modified": "When what the API shows last changed, for If-Modified-Since.",
}


class ApiAutoSchema(AutoSchema):
    def get_override_parameters(self):
        return [*super().get_override_parameters(), *LANGUAGE_PARAMETERS]

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None:
            self.add_error_responses(operation)
            if self.method == "GET" and isinstance(self.view, CachedReadMixin):
                self.add_conditional_read(operation)
        return operation

    def add_conditional_read(self, operation):
        """Every read answers If-None-Match / If-Modified-Since (idm/api/conditional.py)."""
        parameters = operation.setdefault("parameters", [])
        names = {parameter["name"] for parameter in parameters}
        parameters.extend(p for p in CONDITIONAL_READ_PARAMETERS if p["name"] not in names)
        responses = operation["responses"]
        headers = {
            name: {"schema": {"type": "string"}, "description": description}
            for name, description in CONDITIONAL_READ_HEADERS.items()
            if name == "ETag" or self.view.cache_reads
        }
        if "200" in responses:
            for name, header in headers.items():
                responses["200"].setdefault("headers", {}).setdefault(name, header)
        responses["304"] = {
            "description": "Not modified: the copy named by the request is current.",
            "headers": headers,
        }
        operation["responses"] = dict(sorted(responses.items()))

    def get_auth(self):
        auths = super().get_auth()
        if {} not in auths and self.allows_anonymous():
            auths.append({})
        return auths

    def allows_anonymous(self):
        request = Request(APIRequestFactory().generic(self.method, self.path))
        request.user = AnonymousUser()
        return all(
            permission.has_permission(request, self.view)
            for permission in self.view.get_permissions()
        )

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if (
            direction == "response"
            and isinstance(field, serializers.Field)
            and not isinstance(field, serializers.ManyRelatedField)
            and source_is_nullable(field)
        ):
            meta["nullable"] = True
        return meta

    def _insert_field_validators(self, field, schema):
        """drf-spectacular offers a blank format-constrained string (an optional URL such as
        `livestream_url`) as `oneOf: [uri, empty string]`; a validator that reads "" as a URI
        then finds it valid under both and refuses it. Either alternative will do: anyOf."""
        super()._insert_field_validators(field, schema)
        if "oneOf" in schema and {"type": "string", "maxLength": 0} in schema["oneOf"]:
            schema["anyOf"] = schema.pop("oneOf")

    def _get_request_for_media_type(self, serializer, direction="request"):
        """A serializer with `patch_is_partial = False` is validated whole on PATCH too (its
        fields stay required in the schema): drf-spectacular would mark them optional."""
        if self.method == "PATCH" and getattr(serializer, "patch_is_partial", True) is False:
            self.method = "PUT"
            try:
                return super()._get_request_for_media_type(serializer, direction)
            finally:
                self.method = "PATCH"
        return super()._get_request_for_media_type(serializer, direction)

    def error_statuses(self, operation):
        parameters = operation.get("parameters", [])
        locations = {parameter["in"] for parameter in parameters}
        names = {parameter["name"] for parameter in parameters}
        if_match = next((p for p in parameters if p["name"] == "If-Match"), None)
        unsafe = self.method in UNSAFE_METHODS
        statuses = ["401"]
        if self.method in ("POST", "PUT", "PATCH") or "query" in locations:
            statuses.append("400")
        if unsafe or not self.allows_anonymous():
            statuses.append("403")
        if "path" in locations or "page" in names:
            statuses.append("404")
        if if_match is not None:
            statuses.append("412")
            if if_match.get("required"):
                statuses.append("428")
        if "requestBody" in operation:
            statuses.append("415")
        if IDEMPOTENCY_KEY_HEADER in names:
            statuses.append("422")
        if self.view.get_throttles():
            statuses.extend(["429", "503"])
        return statuses

    def add_error_responses(self, operation):
        for name, schema in ERROR_COMPONENTS.items():
            self.registry.register_on_missing(
                ResolvedComponent(
                    name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
                )
            )
        responses = operation["responses"]
        for code in self.error_statuses(operation):
            component, description = ERROR_STATUSES[code]
            responses.setdefault(
                code,
                {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": f"#/components/schemas/{component}"}
                        }
                    },
                    "description": description,
                },
            )
        operation["responses"] = dict(sorted(responses.items()))
