"""The shared cache: REDIS_URL puts the API throttles' counters in Redis; a Redis that is down
refuses API requests (503, never unthrottled) and leaves pages, sessions and logins working."""

import pytest
import redis
from django.test import override_settings
from django.urls import reverse
from rest_framework.throttling import SimpleRateThrottle

from idm.caching import cache_settings
from tests.factories import DEFAULT_PASSWORD, DelegateFactory
from tests.helpers import TEST_REDIS_URL, UNREACHABLE_REDIS_URL, redis_key_prefix
from tests.idm.test_settings import production_setting

pytestmark = pytest.mark.django_db

LOW_RATES = {"anon": "2/minute", "user": "100/minute"}


def test_settings_redis_url_makes_redis_the_default_cache():
    caches = production_setting("CACHES", REDIS_URL="redis://127.0.0.1:6379/3")
    assert "'BACKEND': 'django_redis.cache.RedisCache'" in caches
    assert "'LOCATION': 'redis://127.0.0.1:6379/3'" in caches


def test_settings_without_redis_url_cache_is_local_memory():
    caches = production_setting("CACHES")
    assert caches == repr({"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})


def test_api_throttle_counts_in_redis(api_client, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", LOW_RATES)
    with (
        redis_key_prefix() as prefix,
        override_settings(CACHES=cache_settings(TEST_REDIS_URL, key_prefix=prefix)),
    ):
        codes = [api_client.get("/api/v1/dialogues/").status_code for _ in range(3)]
        stored = redis.Redis.from_url(TEST_REDIS_URL).keys(f"{prefix}:*throttle_anon_*")
    assert codes == [200, 200, 429]
    assert 1 <= len(stored) <= 2  # this minute's counter (and the last one's, at the turn)


@override_settings(CACHES=cache_settings(UNREACHABLE_REDIS_URL))
def test_api_answers_503_when_redis_is_down_never_unthrottled(api_client):
    response = api_client.get("/api/v1/dialogues/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": "The service is briefly unavailable. Please try again in a minute."
    }


@override_settings(CACHES=cache_settings(UNREACHABLE_REDIS_URL))
def test_pages_and_login_work_when_redis_is_down(client):
    """Pages, sessions (database) and the login lockout (database) do not need the cache."""
    user = DelegateFactory()
    assert client.get(reverse("home")).status_code == 200
    response = client.post(reverse("login"), {"username": user.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    response = client.get(reverse("account"))
    assert response.status_code == 200
    assert user.email in response.content.decode()
