"""Small helpers shared by the tests."""

import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url):
    """Run GET `url` and return how many SQL queries it took (it must answer 200)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(context.captured_queries)


# The Redis of the tests (its own database number); Redis runs on 127.0.0.1:6379 on our
# machines and in CI.
TEST_REDIS_URL = os.environ.get("IDM_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
# Nothing listens on port 1: a Redis that is down.
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/0"


@contextmanager
def redis_key_prefix():
    """A fresh key prefix in the test Redis; its keys, and only those, are deleted afterwards.

    Without a Redis answering, the test is skipped on SQLite and fails on PostgreSQL (the full
    run, as in CI)."""
    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        message = f"Redis at {TEST_REDIS_URL} does not answer (IDM_TEST_REDIS_URL): {error}"
        if connection.vendor != "postgresql":
            pytest.skip(message)
        pytest.fail(message)
    prefix = f"idm-test-{secrets.token_hex(6)}"
    try:
        yield prefix
    finally:
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)
        client.close()


UNREACHABLE_DATABASE_URL = "postgres://nobody@127.0.0.1:1/none"  # nothing listens on port 1


def get_with_unreachable_database(path):
    """`status body` of GET `path` in a fresh process whose database is a real unreachable
    PostgreSQL server (no mock): what a monitor sees when the database is down."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        f"r = Client().get({path!r});"
        "print(r.status_code, r.content.decode())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "idm.settings_test",
        "DATABASE_URL": UNREACHABLE_DATABASE_URL,
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]
