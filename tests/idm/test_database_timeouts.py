"""A database that accepts connections and never answers must not hang the portal: /healthz
answers 503 quickly and pages get an error page, thanks to libpq's connect timeout; a runaway
statement is cancelled by PostgreSQL's statement timeout."""

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections

from idm.database import with_connect_timeout, with_postgresql_timeouts

ROOT = Path(__file__).resolve().parents[2]
# Bounds each subprocess: without timeouts it would wait for the silent database forever.
SUBPROCESS_LIMIT_SECONDS = 40


class SilentDatabase:
    """A TCP server on 127.0.0.1 that accepts every connection and never sends a byte."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)  # so that the thread notices `close()`
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.closing = threading.Event()
        self.thread = threading.Thread(target=self.accept_until_closed, daemon=True)
        self.thread.start()

    def accept_until_closed(self):
        while not self.closing.is_set():
            try:
                client, _address = self.listener.accept()
            except TimeoutError:
                continue
            self.accepted.append(client)

    @property
    def url(self):
        return f"postgres://idm:secret@127.0.0.1:{self.port}/idm"

    def close(self):
        self.closing.set()
        self.thread.join()
        self.listener.close()
        for client in self.accepted:
            client.close()


@pytest.fixture
def silent_database():
    server = SilentDatabase()
    yield server
    server.close()


def request_in_subprocess(path, database_url, **env):
    """GET `path` with the test client in a fresh process using `database_url`."""
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        f"r = Client(raise_request_exception=False).get({path!r});"
        "print(r.status_code, r.content.decode()[:200])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "idm.settings_test",
        "DATABASE_URL": database_url,
        **env,
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_LIMIT_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_healthz_503_when_database_accepts_and_never_answers(silent_database):
    """The health check uses its own short timeout (IDM_HEALTHZ_DB_TIMEOUT, 3 s by default):
    even with a page connect timeout longer than the subprocess may run, it answers."""
    output = request_in_subprocess(
        "/healthz", silent_database.url, IDM_DB_CONNECT_TIMEOUT=str(SUBPROCESS_LIMIT_SECONDS * 2)
    )
    assert output == '503 {"status": "error", "database": "unreachable"}'
    assert silent_database.accepted  # the probe did reach the silent server


def test_page_error_when_database_accepts_and_never_answers(silent_database):
    output = request_in_subprocess("/", silent_database.url, IDM_DB_CONNECT_TIMEOUT="2")
    assert output.split()[0] in {"500", "503"}
    assert silent_database.accepted


def test_postgresql_options_get_default_timeouts():
    database = {"ENGINE": "django.db.backends.postgresql", "NAME": "idm", "OPTIONS": {}}
    options = with_postgresql_timeouts(database, connect_timeout=5, statement_timeout=30)["OPTIONS"]
    assert options == {"connect_timeout": 5, "options": "-c statement_timeout=30000"}


def test_postgresql_options_from_database_url_are_kept():
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {"connect_timeout": 9, "options": "-c statement_timeout=1000"},
    }
    options = with_postgresql_timeouts(database, connect_timeout=5, statement_timeout=30)["OPTIONS"]
    assert options == {"connect_timeout": 9, "options": "-c statement_timeout=1000"}
    other = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"options": "-c work_mem=64MB"}}
    options = with_postgresql_timeouts(other, connect_timeout=5, statement_timeout=0)["OPTIONS"]
    assert options["options"] == "-c work_mem=64MB -c statement_timeout=0"


def test_sqlite_options_unchanged():
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}
    assert with_postgresql_timeouts(database, connect_timeout=5, statement_timeout=30) is database
    assert with_connect_timeout(database, 3) is database


@pytest.mark.django_db
def test_postgresql_connections_have_the_statement_timeout():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("30s",)


@pytest.mark.django_db
def test_postgresql_statement_over_the_timeout_is_cancelled():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is a PostgreSQL setting")
    short = connections.create_connection(DEFAULT_DB_ALIAS)
    settings_dict = {**short.settings_dict, "OPTIONS": {}}
    short.settings_dict = with_postgresql_timeouts(
        settings_dict, connect_timeout=5, statement_timeout=1
    )
    try:
        with pytest.raises(OperationalError, match="statement timeout"), short.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(10)")
    finally:
        short.close()
