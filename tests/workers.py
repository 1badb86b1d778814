"""Real background workers and a real SMTP server for the integration tests (PostgreSQL)."""

import os
import subprocess
import sys
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
WORKER = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]


def worker_environment(smtp_port):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DJANGO_DEBUG": "0",
        "IDM_TEST_DATABASE_NAME": connection.settings_dict["NAME"],
        "IDM_TEST_SMTP_PORT": str(smtp_port),
    }


def run_worker_batch(smtp_port):
    """`manage.py db_worker --batch`: runs every task that is ready, then exits."""
    completed = subprocess.run(
        [*WORKER, "--batch", "--interval", "0"],
        cwd=ROOT,
        env=worker_environment(smtp_port),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout + completed.stderr


def start_worker(smtp_port, log_path):
    """A long-running `manage.py db_worker` process (its output in `log_path`)."""
    log = open(log_path, "w")  # noqa: SIM115 (closed with the process by the caller)
    return subprocess.Popen(
        [*WORKER, "--interval", "0.2"],
        cwd=ROOT,
        env=worker_environment(smtp_port),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server (aiosmtpd) on 127.0.0.1:`port`, for a `with` block."""

    def __init__(self, port):
        self.inbox = Inbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=port)

    def __enter__(self):
        self.controller.start()
        return self.inbox

    def __exit__(self, *exc):
        self.controller.stop()
