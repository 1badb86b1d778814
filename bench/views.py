"""The benchmark's baseline: the cheapest possible view behind the whole middleware stack.

Mounted only when `IDM_BENCH_BASELINE` is on (the bench's gunicorn), so that every route's
requests per second can be given as a ratio of what the stack itself allows on the machine."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def baseline(request):
    return JsonResponse({"ok": True})
