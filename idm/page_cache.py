"""Cached public pages and API reads, invalidated by one content version.

What public pages and API reads show (the programme, documents, principles, registrations,
survey results) changes only through the services. Each such service calls `content_changed()`,
which moves one number in the cache, the content version, forward. Every cached page and API
body is stored under a key that holds that version, so a change makes every older entry
unreachable at once (they expire on their own after `IDM_PAGE_CACHE_SECONDS`). The admin and
the API call the same services; the back office also moves the version on every change it
saves (`idm.admin_site`), for the records it edits without a service of their own.

`content_changed()` moves the version at once (the writer's own next read, in the same
transaction, is not served an older page) and again once the transaction commits: a process
that read the database before the commit may have stored what it read under the first new
version, and the second move makes that entry unreachable too. A reader takes the version
before it reads the database, so an entry is never newer-keyed than its data.

Keys hold the content version, the active language (a French page is cached apart from the
English one), the full path with its query string and, for the API, who asks (anonymous, or
the user with what their access depends on) and the media type. Entries expire after
`IDM_PAGE_CACHE_SECONDS` (60): what depends on the clock rather than on a change (a
registration window that closes, "upcoming" events) is at most that late on a cached page,
while the services that act on it (registering) check the clock themselves. 0 turns caching
off. A cache that cannot be reached (Redis down) means pages are rendered, never refused.
A missing entry is computed once: the first request claims it, the others asking for it at
that moment wait for it (a change makes every web process ask for the same pages at once).

Pages: only anonymous GET/HEAD requests without a session or a pending message (no session
cookie, no messages cookie) are served from or stored in the cache, and only 200 answers that
set no cookie, touched no session and queued no message are stored.

The CSRF token. Every page's language switch is a form that posts with `{% csrf_token %}`
(templates/base.html), and a token must never be handed from one visitor to another. Caching
only the content fragment would keep the shell's token per request but leave the view's own
queries on every request; a CSRF-free language switch (a GET link that sets the language)
would let any site change a visitor's language. So whole pages are cached with a placeholder
in place of the token: while a cacheable page renders, the `csrf_placeholder` context
processor makes `{{ csrf_token }}` the placeholder, and every answer, fresh or cached,
replaces it with this request's own token (`get_token`, which also has CsrfViewMiddleware set
this visitor's CSRF cookie). The language switch keeps working and stays CSRF-protected.
"""

import hashlib
import logging
import math
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import translation
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "content:version"
CHANGED_AT_KEY = "content:changed-at"
# Stands for the CSRF token in a cached page; replaced by each visitor's own token.
CSRF_PLACEHOLDER = "idm-page-cache-csrf-token-placeholder-7c1e"
_PLACEHOLDER_BYTES = CSRF_PLACEHOLDER.encode()
_RENDERING_FOR_CACHE = "_idm_page_cache_rendering"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


@dataclass(frozen=True)
class ContentState:
    version: int
    changed_at: float | None  # epoch seconds of the last change; None if unknown

    def last_modified(self, now=None):
        """(Last-Modified to send, the value If-Modified-Since is compared with), in whole
        epoch seconds. An HTTP date has whole seconds: a client's If-Modified-Since earns a
        304 only if the last change happened before that second began, and Last-Modified is
        never later than now (a change later in this second is then not hidden)."""
        if self.changed_at is None:
            return None, None
        compared = math.floor(self.changed_at) + 1
        now = time.time() if now is None else now
        return min(compared, math.floor(now)), compared


def cache_seconds():
    return settings.IDM_PAGE_CACHE_SECONDS


def content_changed():
    """Call from a service whenever it changes what public pages or API reads show."""
    _move_version()
    transaction.on_commit(_move_version, robust=True)


def _move_version():
    now = time.time()
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version yet (first change, or the cache was emptied)
            cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        cache.set(CHANGED_AT_KEY, now, timeout=None)
    except RedisError as error:
        logger.error("Could not move the content version (cache unreachable): %s", error)


def _fresh_version():
    # Microseconds since the epoch: beyond any version handed out before the cache was
    # emptied (each change adds 1), so no older entry can be reached again.
    return time.time_ns() // 1000


def content_state(*extra_keys):
    """The current ContentState, or None when caching is off or the cache is unreachable.
    With `extra_keys`: (state, {key: value} of those keys read in the same round trip)."""
    if cache_seconds() <= 0:
        return (None, {}) if extra_keys else None
    try:
        values = cache.get_many([VERSION_KEY, CHANGED_AT_KEY, *extra_keys])
        version = values.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _fresh_version(), timeout=None)
            version = cache.get(VERSION_KEY)
        state = None if version is None else ContentState(version, values.get(CHANGED_AT_KEY))
    except RedisError as error:
        logger.warning("Page cache skipped (cache unreachable): %s", error)
        state, values = None, {}
    return (state, values) if extra_keys else state


class _LastVersion:
    """The content version this process saw last: its guess for the next request."""

    value = None


def lookup(kind, request, *parts):
    """(state, key, cached entry or None) for this request, in one round trip to the cache
    when the content version is still the one this process saw last: the version and the
    entry under the guessed version are read together (MGET, one instant), so the entry is
    used only if that version is the current one. Otherwise a second read."""
    guess = _LastVersion.value
    guessed_key = cache_key(kind, guess, request, *parts) if guess is not None else None
    state, values = content_state(guessed_key) if guessed_key else (content_state(), {})
    if state is None:
        return None, None, None
    _LastVersion.value = state.version
    key = cache_key(kind, state.version, request, *parts)
    if key == guessed_key:
        return state, key, values.get(guessed_key)
    return state, key, cache_get(key)


def cache_key(kind, version, request, *parts):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    language = translation.get_language() or settings.LANGUAGE_CODE
    return ":".join([kind, str(version), language, *map(str, parts), path])


def cache_get(key):
    try:
        return cache.get(key)
    except RedisError as error:
        logger.warning("Page cache read failed: %s", error)
        return None


def cache_set(key, value):
    try:
        cache.set(key, value, timeout=cache_seconds())
    except RedisError as error:
        logger.warning("Page cache write failed: %s", error)


# One request computes a missing entry while the others asking for it at the same moment wait
# for it (a changed event page asked for by every web process at once is rendered once): the
# claim lapses after FILL_CLAIM_SECONDS; a waiter gives up after FILL_WAIT_SECONDS, or as soon
# as the claim is gone without an entry (the page was not storable), and computes it itself.
FILL_CLAIM_SECONDS = 10
FILL_WAIT_SECONDS = 3.0
FILL_POLL_SECONDS = 0.02


def claim_fill(key):
    """True when this request is the one to compute the entry under `key`."""
    try:
        return cache.add(f"{key}:filling", 1, timeout=FILL_CLAIM_SECONDS)
    except RedisError:
        return True


def wait_for_fill(key):
    """The entry another request is computing, or None (gave up: compute it)."""
    claim = f"{key}:filling"
    deadline = time.monotonic() + FILL_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(FILL_POLL_SECONDS)
        try:
            values = cache.get_many([key, claim])
        except RedisError:
            return None
        if key in values:
            return values[key]
        if claim not in values:
            return None
    return None


def release_fill(key):
    try:
        cache.delete(f"{key}:filling")
    except RedisError as error:
        logger.warning("Page cache claim not released (it lapses on its own): %s", error)


def visitor_is_anonymous(request):
    """No session and no pending message: what such a visitor sees is the same for all."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and not request.user.is_authenticated
    )


def storable(request, response):
    """A 200 page that is the same for every anonymous visitor."""
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (session is not None and session.modified)
        and not (messages is not None and getattr(messages, "_queued_messages", None))
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def with_visitor_token(request, content):
    """The page as this visitor gets it: their own CSRF token in place of the placeholder."""
    if _PLACEHOLDER_BYTES in content:
        return content.replace(_PLACEHOLDER_BYTES, get_token(request).encode())
    return content


def cached_public_page(view):
    """Serve the page from the cache to anonymous visitors (see the module's docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not visitor_is_anonymous(request):
            return view(request, *args, **kwargs)
        state, key, entry = lookup("page", request, request.scheme, request.get_host())
        if state is None:
            return view(request, *args, **kwargs)
        claimed = entry is None and claim_fill(key)
        if entry is None and not claimed:
            entry = wait_for_fill(key)
        if entry is not None:
            content, headers = entry
            response = HttpResponse(with_visitor_token(request, content))
            for name, value in headers:
                response[name] = value
            return response
        setattr(request, _RENDERING_FOR_CACHE, True)
        try:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if not response.streaming and storable(request, response):
                cache_set(key, (response.content, list(response.items())))
        finally:
            setattr(request, _RENDERING_FOR_CACHE, False)
            if claimed:
                release_fill(key)
        if not response.streaming:
            response.content = with_visitor_token(request, response.content)
        return response

    return wrapped


def csrf_placeholder(request):
    """Context processor (after Django's csrf one): the placeholder while a page renders
    for the cache."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}
