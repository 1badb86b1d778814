"""The deployment picture: docker-compose.yml, the reverse proxy's configuration and the
containers' health probe (deploy/)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.idm.test_settings import PRODUCTION, configuration_free_environment

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_compose_has_every_process_of_the_scale_out_picture(compose):
    assert set(compose) == {
        "db",
        "redis",
        "migrate",
        "web",
        "worker",
        "scheduler",
        "proxy",
        "minio",
        "minio-bucket",
    }
    assert compose["db"]["image"] == "postgres:16"
    assert compose["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert "python manage.py send_due_reminders" in compose["scheduler"]["command"][-1]
    assert (compose["minio"]["profiles"], compose["minio-bucket"]["profiles"]) == (["s3"], ["s3"])


def test_compose_web_scales_behind_the_proxy(compose):
    """`--scale web=3` needs web containers without a fixed host port; only the proxy has one."""
    assert "ports" not in compose["web"]
    assert compose["web"]["expose"] == ["8000"]
    assert compose["proxy"]["ports"] == ["${IDM_HTTP_PORT:-8000}:80"]
    environment = compose["web"]["environment"]
    assert environment["IDM_PROXY_COUNT"] == "${IDM_PROXY_COUNT:-1}"
    assert environment["REDIS_URL"] == "redis://redis:6379/0"
    assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    assert compose["web"]["healthcheck"]["test"] == ["CMD", "python", "deploy/healthcheck.py"]


def test_compose_processes_share_one_configuration(compose):
    """web, worker and scheduler run the same image with the same settings; only `migrate`
    migrates, before the others start."""
    portal = ["migrate", "web", "worker", "scheduler"]
    assert {compose[name]["image"] for name in portal} == {"idm-portal:latest"}
    assert all(compose[name]["environment"] == compose["web"]["environment"] for name in portal)
    for name in ["web", "worker", "scheduler"]:
        condition = compose[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully"


def test_nginx_passes_client_address_and_scheme_to_every_web_container():
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config
    assert "set $web_upstream http://web:8000;" in config
    assert "resolver 127.0.0.11" in config  # new containers of `--scale` are found


def free_port():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


def run_probe(port, environment):
    return subprocess.run(
        [sys.executable, "deploy/healthcheck.py", str(port)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_health_probe_healthy_under_production_settings_behind_proxy(tmp_path):
    """Production values (allowed hosts without localhost, HTTPS redirect, a proxy in front):
    the probe still reaches /healthz and reports the container healthy."""
    port = free_port()
    environment = {
        **configuration_free_environment(),
        **PRODUCTION,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'probe.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": ".idm.example.org",
        "DJANGO_SECURE_SSL_REDIRECT": "1",
        "IDM_PROXY_COUNT": "1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "idm.wsgi:application", f"--bind=127.0.0.1:{port}"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while (probe := run_probe(port, environment)).returncode != 0:
            assert server.poll() is None, "gunicorn stopped"
            assert time.monotonic() < deadline, probe.stderr
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert run_probe(port, environment).returncode == 1  # nothing answers any more
