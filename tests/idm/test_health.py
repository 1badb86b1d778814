"""/readyz: database, cache and migrations, each named in the answer; 503 names the failing
check and reveals nothing else."""

from datetime import timedelta

import pytest
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings
from django.utils import timezone

from idm.caching import cache_settings
from idm.models import WorkerHeartbeat
from tests.helpers import (
    TEST_REDIS_URL,
    UNREACHABLE_REDIS_URL,
    get_with_unreachable_database,
    redis_key_prefix,
)

pytestmark = pytest.mark.django_db


def test_readyz_ok_names_every_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok", "worker": "skipped"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_ok_with_redis_cache(client):
    with (
        redis_key_prefix() as prefix,
        override_settings(CACHES=cache_settings(TEST_REDIS_URL, key_prefix=prefix)),
    ):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == "ok"


@override_settings(CACHES=cache_settings(UNREACHABLE_REDIS_URL))
def test_readyz_503_names_cache_when_redis_is_down(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "cache": "failing", "migrations": "ok", "worker": "skipped"},
    }
    assert "127.0.0.1" not in response.content.decode()  # no address, no error message


def test_readyz_503_names_migrations_when_one_is_not_applied(client):
    MigrationRecorder.Migration.objects.filter(app="idm").order_by("-id").first().delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {
        "database": "ok",
        "cache": "ok",
        "migrations": "failing",
        "worker": "skipped",
    }


def test_healthz_stays_liveness_only_when_redis_is_down(client):
    with override_settings(CACHES=cache_settings(UNREACHABLE_REDIS_URL)):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_readyz_503_when_database_unreachable_skips_checks_that_need_it():
    assert get_with_unreachable_database("/readyz") == (
        '503 {"status": "error", "checks": '
        '{"database": "failing", "cache": "ok", "migrations": "skipped", "worker": "skipped"}}'
    )


@override_settings(IDM_TASKS_RUN_IMMEDIATELY=False, IDM_WORKER_HEARTBEAT_MAX_AGE=5)
def test_readyz_worker_ok_with_recent_heartbeat_503_when_stale_or_none(client):
    assert client.get("/readyz").json()["checks"]["worker"] == "failing"  # no worker ever beat
    heartbeat = WorkerHeartbeat.objects.create(worker_id="w1", beat_at=timezone.now())
    response = client.get("/readyz")
    assert (response.status_code, response.json()["checks"]["worker"]) == (200, "ok")
    heartbeat.beat_at = timezone.now() - timedelta(minutes=6)
    heartbeat.save()
    response = client.get("/readyz")
    assert (response.status_code, response.json()["checks"]["worker"]) == (503, "failing")
