import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "x7$Lq!w2Zr9#pK4mV8@tB6^nY3&hJ5*cF1(dS0)gA-eU_iO+lP=kM~jN;bH:vC"
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "idm.example.org",
    "IDM_SITE_URL": "https://idm.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def configuration_free_environment():
    """The test process's environment without any of the portal's own variables."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "IDM_")) and key != "DATABASE_URL"
    }


def run_manage(*args, **env_overrides):
    env = configuration_free_environment()
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


def production_setting(name, **env):
    """The value of setting `name` under production values (plus `env`), as its repr."""
    code = f"from django.conf import settings; print(repr(settings.{name}))"
    result = run_manage("shell", "-c", code, **{**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_settings_check_deploy_clean_under_production_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **{**PRODUCTION, "DATABASE_URL": os.environ.get("DATABASE_URL", "sqlite:///:memory:")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_settings_check_deploy_clean_with_hsts_preload_and_proxy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DJANGO_HSTS_PRELOAD="1",
        IDM_PROXY_COUNT="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_SECURE_COOKIES", "ture", "DJANGO_SECURE_COOKIES='ture' is not a yes/no value"),
        ("DJANGO_SECURE_SSL_REDIRECT", "enabled", "DJANGO_SECURE_SSL_REDIRECT='enabled' is not"),
        ("DJANGO_HSTS_PRELOAD", "y", "DJANGO_HSTS_PRELOAD='y' is not a yes/no value"),
        ("DJANGO_DEBUG", "flase", "DJANGO_DEBUG='flase' is not a yes/no value"),
        ("IDM_PROXY_COUNT", "one", "IDM_PROXY_COUNT='one' is not valid: it must be a whole number"),
        ("IDM_PROXY_COUNT", "-1", "IDM_PROXY_COUNT='-1' is not valid"),
        ("DJANGO_HSTS_SECONDS", "1y", "DJANGO_HSTS_SECONDS='1y' is not valid"),
        ("IDM_DB_CONNECT_TIMEOUT", "0", "IDM_DB_CONNECT_TIMEOUT='0' is not valid"),
        ("IDM_DB_STATEMENT_TIMEOUT", "30s", "IDM_DB_STATEMENT_TIMEOUT='30s' is not valid"),
        ("IDM_SITE_URL", "", "IDM_SITE_URL is not set"),
        ("IDM_SITE_URL", "idm.example.org", "IDM_SITE_URL='idm.example.org' is not an absolute"),
        ("IDM_SITE_URL", "ftp://idm.example.org", "IDM_SITE_URL='ftp://idm.example.org' is not"),
        ("IDM_SITE_URL", "https://", "IDM_SITE_URL='https://' is not an absolute"),
    ],
)
def test_settings_misconfiguration_stops_startup_naming_the_variable(variable, value, message):
    result = run_manage("check", **{**PRODUCTION, variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr
    if "yes/no" in message:
        assert "1, true, yes, on for yes; 0, false, no, off for no" in result.stderr


def test_settings_production_without_site_url_fails_clearly():
    env = {key: value for key, value in PRODUCTION.items() if key != "IDM_SITE_URL"}
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "IDM_SITE_URL is not set" in result.stderr


def test_settings_yes_no_values_in_any_case():
    assert production_setting("SESSION_COOKIE_SECURE", DJANGO_SECURE_COOKIES="Off") == "False"
    assert production_setting("SESSION_COOKIE_SECURE", DJANGO_SECURE_COOKIES=" YES ") == "True"


def test_settings_forwarded_proto_trusted_only_behind_a_declared_proxy():
    assert production_setting("SECURE_PROXY_SSL_HEADER") == "None"
    assert production_setting("SECURE_PROXY_SSL_HEADER", IDM_PROXY_COUNT="0") == "None"
    assert production_setting("SECURE_PROXY_SSL_HEADER", IDM_PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_settings_hsts_preload_is_opt_in():
    assert production_setting("SECURE_HSTS_PRELOAD") == "False"
    assert production_setting("SECURE_HSTS_PRELOAD", DJANGO_HSTS_PRELOAD="1") == "True"


def test_settings_site_url_without_trailing_slash():
    url = production_setting("IDM_SITE_URL", IDM_SITE_URL="https://idm.example.org:8443/portal/")
    assert url == "'https://idm.example.org:8443/portal'"


def test_settings_postgresql_timeouts_from_environment():
    options = production_setting(
        "DATABASES['default']['OPTIONS']",
        DATABASE_URL="postgres://idm@db.example.org:5432/idm",
        IDM_DB_CONNECT_TIMEOUT="7",
        IDM_DB_STATEMENT_TIMEOUT="12",
    )
    assert options == "{'connect_timeout': 7, 'options': '-c statement_timeout=12000'}"


def test_settings_manage_py_without_configuration_runs_in_development_mode():
    result = run_manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True")


def test_settings_web_server_without_secret_key_refuses_to_start():
    env = configuration_free_environment()
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
