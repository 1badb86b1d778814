import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_settings_production_without_secret_key_fails_clearly():
    result = run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_settings_check_deploy_clean_under_production_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x7$Lq!w2Zr9#pK4mV8@tB6^nY3&hJ5*cF1(dS0)gA-eU_iO+lP=kM~jN;bH:vC",
        DJANGO_ALLOWED_HOSTS="idm.example.org",
        DATABASE_URL=os.environ.get("DATABASE_URL", "sqlite:///:memory:"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_manage_py_without_configuration_runs_in_development_mode():
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True")


def test_settings_web_server_without_secret_key_refuses_to_start():
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    result = subprocess.run(
        [sys.executable, "-c", "import idm.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_seed_demo_refused_when_manage_py_chose_development_mode(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = run_manage("seed_idm", "--demo", DATABASE_URL=database)
    assert result.returncode != 0
    assert "DJANGO_DEBUG=1 set explicitly" in result.stderr
    assert "neither DJANGO_DEBUG nor DJANGO_SECRET_KEY is set" in result.stderr


def test_seed_demo_runs_with_explicit_debug(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run_manage("migrate", "--noinput", DATABASE_URL=database).returncode == 0
    result = run_manage("seed_idm", "--demo", DATABASE_URL=database, DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "idm-demo-2009" in result.stdout
