"""The portal's health, for load balancers, orchestrators and monitoring.

- `/healthz` (liveness): the process answers and the database does; a failure there means
  "restart or replace this process".
- `/readyz` (readiness): every check of READINESS_CHECKS passes (database, cache, migrations,
  and a background worker heard from within IDM_WORKER_HEARTBEAT_MAX_AGE minutes); a failure
  means "send no traffic here until it passes" (a dependency is down, or the code is newer
  than the schema).
  Adding a check is one entry in that list. The answer names each check and its result,
  never an error message (it is public); the error goes to the log.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max
from django.utils import timezone

from idm.database import with_connect_timeout

logger = logging.getLogger(__name__)

OK, FAILING, SKIPPED = "ok", "failing", "skipped"


def database_is_reachable():
    """Ask the database on a connection of its own, which gives up after
    IDM_HEALTHZ_DB_TIMEOUT seconds: a monitor must get its answer even from a database that
    accepts connections and never answers."""
    probe = health_probe_connection()
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False
    finally:
        if probe is not connection:
            probe.close()


def health_probe_connection():
    """A new connection with the health check's short connect timeout (PostgreSQL); SQLite,
    a local file with nothing to wait for, uses the request's connection."""
    if connection.vendor != "postgresql":
        return connection
    probe = connections.create_connection(DEFAULT_DB_ALIAS)
    probe.settings_dict = with_connect_timeout(probe.settings_dict, settings.IDM_HEALTHZ_DB_TIMEOUT)
    return probe


def cache_round_trip_works():
    """Write a value to the cache (Redis with REDIS_URL) and read it back."""
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, key, timeout=30)
    try:
        return cache.get(key) == key
    finally:
        cache.delete(key)


def migrations_are_applied():
    """Every migration of the running code is recorded as applied in the database."""
    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


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


def tasks_need_a_worker():
    """Background tasks wait in the database for `manage.py db_worker` (production), unless
    they run at once in the process that enqueues them (IDM_TASKS_RUN_IMMEDIATELY, make run)."""
    return not settings.IDM_TASKS_RUN_IMMEDIATELY


@dataclass(frozen=True)
class Check:
    name: str
    passes: Callable[[], bool]
    # Skipped (not run, not waited for a second time) when the database check failed.
    needs_database: bool = True
    # Skipped when this says the check does not apply to this deployment.
    applies: Callable[[], bool] = lambda: True


READINESS_CHECKS = [
    Check("database", database_is_reachable, needs_database=False),
    Check("cache", cache_round_trip_works, needs_database=False),
    Check("migrations", migrations_are_applied),
    Check("worker", worker_heartbeat_is_fresh, applies=tasks_need_a_worker),
]


def readiness():
    """{check name: "ok", "failing" or "skipped"} for every readiness check, in order."""
    results = {}
    for check in READINESS_CHECKS:
        if (check.needs_database and results.get("database") != OK) or not check.applies():
            results[check.name] = SKIPPED
            continue
        results[check.name] = OK if check_passes(check) else FAILING
    return results


def check_passes(check):
    try:
        return bool(check.passes())
    except Exception:  # any failure of a dependency means "not ready", never a 500
        logger.exception("Readiness check %r failed", check.name)
        return False
