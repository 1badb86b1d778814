"""The back office site: IOM staff with a verified two-factor device, nobody else."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from idm.permissions import is_verified_staff


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
