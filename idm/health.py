"""Health of the parts of the portal that run outside the web process."""

from django.conf import settings
from django.db.models import Max
from django.utils import timezone


def worker_heartbeat_age():
    """How long ago (a timedelta) the most recently heard-from background worker
    (`manage.py db_worker`) recorded its heartbeat, or None if no worker ever did.

    /readyz counts the workers healthy when this is not older than
    settings.IDM_WORKER_HEARTBEAT_MAX_AGE minutes (see worker_heartbeat_is_fresh). A worker
    beats every fifth of that time, even in the middle of a long task."""
    from idm.models import WorkerHeartbeat

    latest = WorkerHeartbeat.objects.aggregate(latest=Max("beat_at"))["latest"]
    return None if latest is None else timezone.now() - latest


def worker_heartbeat_is_fresh():
    """True if some worker recorded its heartbeat within IDM_WORKER_HEARTBEAT_MAX_AGE minutes."""
    age = worker_heartbeat_age()
    return age is not None and age.total_seconds() <= settings.IDM_WORKER_HEARTBEAT_MAX_AGE * 60
