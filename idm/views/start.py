"""A logged-in person's start page ("my tasks"): where login leads."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@login_required
@never_cache
@require_safe
def my_tasks(request):
    """A delegate's surveys (status, deadline), the events a focal point nominates to, and
    the person's own registrations. The apps provide the parts as template tags, so this core
    view imports none of them."""
    return render(request, "idm/my_tasks.html")
