"""Limits on how often a page may be used, counted in the shared cache (Redis in production,
so that every web process counts together): `allowed(scope, key, limit=..., period=...)`.

The API has DRF's throttles (idm/api/throttling.py); logins have django-axes. This is for the
other pages that send email on an anonymous request (e.g. "I lost my link")."""

import hashlib

from axes.helpers import get_client_ip_address
from django.core.cache import cache


def allowed(scope, key, *, limit, period):
    """Count one use of `scope` by `key`; False once `limit` uses fell within `period`
    seconds (the window starts at the first use)."""
    digest = hashlib.sha256(str(key).lower().encode()).hexdigest()
    cache_key = f"rate-limit:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=period):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(cache_key, 1, timeout=period)
        return True
    return count <= limit


def client_address(request):
    """The client's IP address (behind IDM_PROXY_COUNT proxies), as django-axes counts it."""
    return get_client_ip_address(request) or "unknown"
