"""Absolute links to the portal, for places without a request: every link in every email.

They are built from `IDM_SITE_URL` (the address people reach the portal at, e.g.
`https://idm.iom.int` or `http://127.0.0.1:8100` under `make run PORT=8100`), never from the
request's Host header, which a client chooses.
"""

from django.conf import settings
from django.urls import reverse


def site_url():
    """`IDM_SITE_URL` without a trailing slash."""
    return settings.IDM_SITE_URL.rstrip("/")


def absolute_url(path_or_viewname, *, args=None, kwargs=None):
    """`absolute_url("/events/x/")` or `absolute_url("surveys:start", kwargs={"pk": 3})`:
    the full address on the portal (a path starts with "/", anything else is a URL name)."""
    if path_or_viewname.startswith("/"):
        path = path_or_viewname
    else:
        path = reverse(path_or_viewname, args=args, kwargs=kwargs)
    return f"{site_url()}{path}"
