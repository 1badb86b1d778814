"""Idempotency-Key on the API's POST endpoints: a retried request never acts twice.

A client that may retry a POST (timeout, lost connection) sends a key of its own choosing (a
UUID) in the `Idempotency-Key` header. The first request with that key runs and its response
(status and body) is kept; the same key with the same request (method, path, body and caller)
gets that response again, marked `Idempotent-Replayed: true`, without acting again; the same
key with another request is refused with 422. Without the header the request simply runs.

    class ThingViewSet(...):
        @idempotent
        def create(self, request, *args, **kwargs):
            return super().create(request, *args, **kwargs)

Parallel requests with one key: the key's row is inserted first, in the request's own
transaction, and the unique constraint (caller, key) makes a second insert wait until the first
request commits (it then finds the kept response) or rolls back (it then runs itself). Only a
success (2xx) is kept: a refused request leaves no key behind and may be corrected and retried.
Keys are per caller (an account, or an anonymous client's address): one caller's key never
replays another caller's response.
"""

import functools
import hashlib
import json
import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle

from idm.models import IdempotencyKey

HEADER = "Idempotency-Key"
# Visible ASCII characters, as UUIDs and the keys of common clients are.
KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,255}", re.ASCII)
REPLAYED_HEADER = "Idempotent-Replayed"

IDEMPOTENCY_KEY_PARAMETER = OpenApiParameter(
    HEADER,
    {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the "
        "same body gives the first response again (header Idempotent-Replayed: true) without "
        "acting twice; the same key with another body is refused with 422."
    ),
)


class IdempotencyKeyReused(APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = _(
        "This Idempotency-Key was already used with a different request. Send a new key "
        "with a new request."
    )
    default_code = "idempotency_key_reused"


class NotKept(Exception):
    """Carries a response that is not a success out of the key's transaction (rolled back)."""

    def __init__(self, response):
        super().__init__(response.status_code)
        self.response = response


def idempotency_key(request):
    """The request's Idempotency-Key, None without one; a malformed key is a 400."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not KEY_PATTERN.fullmatch(key):
        raise ValidationError(
            {HEADER: [_("Use 1 to 255 visible ASCII characters, for example a UUID.")]}
        )
    return key


def caller_of(request):
    """Whose keys these are: an account, or an anonymous client's address (hashed, since a
    forwarded-for header may be long)."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = BaseThrottle().get_ident(request) or ""
    return "anonymous:" + hashlib.sha256(address.encode()).hexdigest()[:40]


def fingerprint_of(request, caller):
    """A hash of the request: method, path, body (as parsed, in a canonical form) and caller."""
    data = request.data
    if hasattr(data, "lists"):
        data = dict(data.lists())
    body = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    text = "\n".join([request.method, request.get_full_path(), caller, body])
    return hashlib.sha256(text.encode()).hexdigest()


def idempotent_response(request, run):
    """`run()`'s response, or the kept response of an earlier request with the same key."""
    key = idempotency_key(request)
    if key is None:
        return run()
    caller = caller_of(request)
    fingerprint = fingerprint_of(request, caller)
    try:
        with transaction.atomic():
            record, created = IdempotencyKey.objects.select_for_update().get_or_create(
                caller=caller, key=key, defaults={"fingerprint": fingerprint}
            )
            if not created:
                return replay(record, fingerprint)
            response = run()
            if not status.is_success(response.status_code):
                raise NotKept(response)
            record.response_status = response.status_code
            record.response_body = json.loads(JSONRenderer().render(response.data))
            record.save(update_fields=["response_status", "response_body"])
            return response
    except NotKept as refused:
        return refused.response


def replay(record, fingerprint):
    if record.fingerprint != fingerprint:
        raise IdempotencyKeyReused
    return Response(
        record.response_body,
        status=record.response_status,
        headers={REPLAYED_HEADER: "true"},
    )


def idempotent(view_method):
    """Decorates a view's POST method (e.g. `create`): honours Idempotency-Key, and says so in
    the schema (the header parameter, and 422)."""

    @functools.wraps(view_method)
    def wrapper(view, request, *args, **kwargs):
        return idempotent_response(request, lambda: view_method(view, request, *args, **kwargs))

    return extend_schema(parameters=[IDEMPOTENCY_KEY_PARAMETER])(wrapper)
