"""API reads: ETag, Last-Modified and 304, and cached bodies. One mixin for every read endpoint.

`CachedReadMixin` goes first in the bases of every API view that answers GET (a test checks
it, tests/idm/api/test_conditional.py). On every 200 answer to GET or HEAD:

- `ETag`: the view's own when it sets one (a survey response's version, which PATCH's
  If-Match takes), else a hash of the body. `If-None-Match` naming it (or `*`) gets 304
  Not Modified without a body.
- `Last-Modified` (views with `cache_reads`): when what the API shows last changed, i.e. the
  content version's time (idm/page_cache.py). `If-Modified-Since` (without If-None-Match, which
  takes precedence) gets 304 when nothing changed since before that second began.
- `cache_reads = True` (the default): the JSON body is cached under the content version, the
  language, the full path, the media type and who asks (anonymous, or the user with what
  their access depends on), after authentication, permissions and throttles ran, so a
  cached body is only ever served to the caller it was computed for. Views showing what
  changes without a call to `content_changed()` (survey drafts, delegations) set
  `cache_reads = False` and keep the ETag and the 304.
"""

import hashlib

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe, quote_etag

from idm.page_cache import (
    cache_set,
    claim_fill,
    content_state,
    lookup,
    release_fill,
    wait_for_fill,
)

READS = ("GET", "HEAD")


class _CachedBody(Exception):
    """Raised from `initial` when the cache holds the answer: DRF's dispatch hands it to
    `handle_exception`, which returns it (no queryset, no serializer)."""

    def __init__(self, entry):
        super().__init__()
        self.entry = entry

    def response(self):
        content, content_type, etag = self.entry
        response = HttpResponse(content, content_type=content_type)
        response["ETag"] = etag
        return response


def identity_of(user):
    """Who asks, with everything their access to a read depends on."""
    if not (user and user.is_authenticated):
        return "anonymous"
    return "user-{}-{:d}{:d}{:d}-{}-{}".format(
        user.pk,
        user.is_active,
        user.is_staff,
        user.is_superuser,
        getattr(user, "member_state_id", None) or "",
        getattr(user, "delegation_role", ""),
    )


def body_etag(content):
    return quote_etag(hashlib.blake2b(content, digest_size=16).hexdigest())


def _opaque(tag):
    return tag[2:] if tag.startswith("W/") else tag


def not_modified(request, etag, compared_last_modified):
    """True when the client's copy is current (If-None-Match first, else If-Modified-Since)."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH", "")
    if if_none_match.strip():
        tags = parse_etags(if_none_match)
        return "*" in tags or _opaque(etag) in {_opaque(tag) for tag in tags}
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", "").strip())
    if since is None or compared_last_modified is None:
        return False
    return compared_last_modified <= since


def not_modified_response(response):
    """304 with the headers RFC 9110 (15.4.5) keeps, and no body."""
    answer = HttpResponseNotModified()
    for header in ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Vary"):
        if response.has_header(header):
            answer[header] = response[header]
    if response.has_header("Last-Modified"):
        answer["Last-Modified"] = response["Last-Modified"]
    answer.cookies = response.cookies
    return answer


class CachedReadMixin:
    """ETag / Last-Modified / 304 for every read; cached bodies where `cache_reads`."""

    cache_reads = True

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, permissions, throttles
        self.read_state = self.read_cache_key = None
        if request.method not in READS or not self.cache_reads:
            return
        if request.accepted_renderer.format != "json":
            self.read_state = content_state()
            return
        self.read_state, key, entry = lookup(
            "api",
            request,
            request.scheme,
            request.get_host(),
            request.accepted_media_type,
            identity_of(request.user),
        )
        if self.read_state is None:  # caching off, or the cache unreachable
            return
        if entry is None and not claim_fill(key):
            entry = wait_for_fill(key)  # another request is computing this very body
        if entry is not None:
            raise _CachedBody(entry)
        self.read_cache_key = key  # claimed: computed here, stored and released below

    def handle_exception(self, exc):
        if isinstance(exc, _CachedBody):
            return exc.response()
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = getattr(self, "read_cache_key", None)
        try:
            return self.conditional_response(request, response, key)
        finally:
            if key is not None:
                release_fill(key)

    def conditional_response(self, request, response, key):
        if request.method not in READS or response.status_code != 200 or response.streaming:
            return response
        if not getattr(response, "is_rendered", True):
            response.render()
        if not response.has_header("ETag"):
            response["ETag"] = body_etag(response.content)
        state = getattr(self, "read_state", None)
        sent, compared = state.last_modified() if state else (None, None)
        if sent is not None:
            response["Last-Modified"] = http_date(sent)
        if key is not None:
            cache_set(key, (response.content, response["Content-Type"], response["ETag"]))
        if not_modified(request, response["ETag"], compared):
            return not_modified_response(response)
        return response
