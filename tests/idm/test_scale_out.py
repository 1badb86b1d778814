"""Acceptance 3 of issue 9: two gunicorn instances on different ports, one PostgreSQL (the test
database), one Redis. A visitor's session and forms work on either instance, and the anonymous
API throttle counts the requests to both together."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.db import connection
from rest_framework.authtoken.models import Token

from tests.factories import DEFAULT_PASSWORD, DelegateFactory
from tests.helpers import TEST_REDIS_URL, redis_key_prefix

ROOT = Path(__file__).resolve().parents[2]
ANON_RATE_PER_MINUTE = 5
START_LIMIT_SECONDS = 60
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

pytestmark = pytest.mark.django_db(transaction=True)


def url_of_test_database():
    """The test database pytest-django created, as a DATABASE_URL for the web processes."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return (
        f"postgres://{credentials}@{db['HOST'] or ''}:{db['PORT'] or 5432}/"
        f"{quote(db['NAME'], safe='')}"
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(cache_key_prefix):
    """A deployment's variables: debug off, a secret key, the public address, Redis, the test
    database; none of the developer's own portal variables leak in."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "IDM_", "SENTRY_"))
        and key not in ("DATABASE_URL", "REDIS_URL")
    }
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "tests.idm.scale_out_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "IDM_SITE_URL": "http://127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DATABASE_URL": url_of_test_database(),
        "DJANGO_CONN_MAX_AGE": "0",
        "REDIS_URL": TEST_REDIS_URL,
        "IDM_TEST_CACHE_KEY_PREFIX": cache_key_prefix,
        "IDM_API_ANON_RATE": f"{ANON_RATE_PER_MINUTE}/minute",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


class WebInstance:
    """`gunicorn idm.wsgi` with two workers on 127.0.0.1:<port>."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log = log_path.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "idm.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                "--workers=2",
                f"--chdir={ROOT}",
                "--graceful-timeout=2",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait_until_serving(self):
        deadline = time.monotonic() + START_LIMIT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"gunicorn on port {self.port} did not serve:\n{self.log_path.read_text()}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def two_instances(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("two web processes share one database: PostgreSQL only")
    with redis_key_prefix() as prefix:
        env = production_environment(prefix)
        instances = []
        try:
            for name in ("a", "b"):
                instances.append(WebInstance(env, tmp_path / f"gunicorn-{name}.log"))
            for instance in instances:
                instance.wait_until_serving()
            yield instances
        finally:
            for instance in instances:
                instance.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser: its cookies go to whichever instance it asks, as behind a load balancer
    that sends each request to any web process."""

    opener = urllib.request.build_opener(NoRedirect)

    def __init__(self):
        self.cookies = {}

    def request(self, url, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = urlencode(form).encode() if form is not None else None
        request = urllib.request.Request(url, data=data, headers=headers)
        try:
            response = self.opener.open(request, timeout=30)
        except HTTPError as error:
            response = error
        with response:
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, response.headers, response.read().decode()

    def csrf_token(self, url):
        status, _headers, body = self.request(url)
        assert status == 200, body[:500]
        return CSRF_FIELD.search(body).group(1)


def test_scale_out_login_through_one_instance_holds_on_the_other(two_instances):
    a, b = two_instances
    # Hashed as in production (the test suite's own hasher is not in the production list).
    password = make_password(DEFAULT_PASSWORD, hasher=PBKDF2PasswordHasher())
    user = DelegateFactory(email="delegate@example.org", password=None)
    type(user).objects.filter(pk=user.pk).update(password=password)
    visitor = Visitor()

    # The login form rendered by A is posted to B.
    token = visitor.csrf_token(f"{a.url}/accounts/login/")
    status, headers, body = visitor.request(
        f"{b.url}/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": user.email, "password": DEFAULT_PASSWORD},
    )
    assert status == 302, body[:500]
    assert headers["Location"] == "/tasks/"  # LOGIN_REDIRECT_URL: "my tasks"

    # Logged in on A, through the session B created.
    status, _headers, body = visitor.request(f"{a.url}/accounts/")
    assert status == 200
    assert "delegate@example.org" in body

    # A form of a logged-in page rendered by B is posted to A: a new API token.
    token = visitor.csrf_token(f"{b.url}/accounts/")
    status, _headers, body = visitor.request(f"{a.url}/accounts/", {"csrfmiddlewaretoken": token})
    assert status == 200, body[:500]
    created = Token.objects.get(user=user)
    assert f'value="{created.key}"' in body


def test_scale_out_anonymous_api_throttle_counts_both_instances_together(two_instances):
    a, b = two_instances
    visitor = Visitor()
    statuses = [visitor.request(f"{a.url}/api/v1/")[0] for _ in range(3)]
    statuses += [visitor.request(f"{b.url}/api/v1/")[0] for _ in range(3)]
    assert statuses == [200, 200, 200, 200, 200, 429]
    assert visitor.request(f"{a.url}/api/v1/")[0] == 429
