"""The back office site: IOM staff with a verified two-factor device, nobody else."""

from functools import wraps

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from idm.page_cache import content_changed
from idm.permissions import is_verified_staff

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class IdmAdminSite(admin.AdminSite):
    """Django's admin, with one login for the whole portal.

    The admin's own login form is never used: it sends people to the portal's login page,
    which counts failures (django-axes) and asks IOM staff for their two-factor code.
    """

    def has_permission(self, request):
        return is_verified_staff(request.user)

    def login(self, request, extra_context=None):
        target = request.GET.get(REDIRECT_FIELD_NAME) or reverse(
            "admin:index", current_app=self.name
        )
        return redirect(f"{reverse('login')}?{urlencode({REDIRECT_FIELD_NAME: target})}")

    def admin_view(self, view, cacheable=False):
        """Every change saved in the back office (a form, an inline, an action, a deletion)
        moves the content version of the cached pages and API reads (idm/page_cache.py):
        most go through the services, which do so themselves, but not every record the back
        office edits has a service of its own (agenda sessions, speakers, topics, surveys)."""
        checked = super().admin_view(view, cacheable)

        @wraps(checked)
        def wrapped(request, *args, **kwargs):
            response = checked(request, *args, **kwargs)
            if request.method not in SAFE_METHODS and self.has_permission(request):
                content_changed()
            return response

        return wrapped
