"""The API throttles' counting (idm/api/throttling.py): a sliding window from two atomic
counters per client, whatever the rate; exact under parallel requests."""

import threading

import pytest
from django.core.cache import caches
from django.test import override_settings
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from idm.api.throttling import AnonRateThrottle
from idm.caching import cache_settings
from tests.helpers import TEST_REDIS_URL, redis_key_prefix


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def throttle(rate, clock):
    anonymous = AnonRateThrottle()
    anonymous.rate = rate
    anonymous.num_requests, anonymous.duration = anonymous.parse_rate(rate)
    anonymous.timer = clock
    return anonymous


def anonymous_request(address="198.51.100.7"):
    request = Request(APIRequestFactory().get("/api/v1/events/", REMOTE_ADDR=address))
    request.user = None
    return request


def test_throttle_counts_the_rate_within_a_window():
    clock = Clock(6_000.0)
    answers = [
        throttle("3/minute", clock).allow_request(anonymous_request(), None) for _ in range(4)
    ]
    assert answers == [True, True, True, False]


def test_throttle_previous_window_slides_out(settings):
    clock = Clock(6_059.0)  # the last second of a window
    admitted = [
        throttle("4/minute", clock).allow_request(anonymous_request(), None) for _ in range(4)
    ]
    assert admitted == [True] * 4
    clock.now = 6_061.0  # next window, 1 s in: 59/60 of the previous 4 still count (ceil: 4)
    refused = throttle("4/minute", clock)
    assert refused.allow_request(anonymous_request(), None) is False
    assert refused.wait() == pytest.approx(14.0)  # at 6_075, 3 of the 4 still count
    clock.now = 6_075.0
    assert throttle("4/minute", clock).allow_request(anonymous_request(), None) is True
    assert throttle("4/minute", clock).allow_request(anonymous_request(), None) is False


def test_throttle_refused_requests_are_not_counted():
    clock = Clock(12_000.0)
    for _ in range(10):
        throttle("2/minute", clock).allow_request(anonymous_request(), None)
    clock.now = 12_000.0 + 60 + 30  # half the previous window's 2 requests still count
    assert throttle("2/minute", clock).allow_request(anonymous_request(), None) is True


def test_throttle_wait_is_the_end_of_the_window_without_a_previous_one():
    clock = Clock(18_010.0)
    first = throttle("1/minute", clock)
    assert first.allow_request(anonymous_request(), None) is True
    second = throttle("1/minute", clock)
    assert second.allow_request(anonymous_request(), None) is False
    assert second.wait() == pytest.approx(50.0)


def test_throttle_clients_counted_apart():
    clock = Clock(24_000.0)
    assert throttle("1/minute", clock).allow_request(anonymous_request("198.51.100.1"), None)
    assert throttle("1/minute", clock).allow_request(anonymous_request("198.51.100.2"), None)


@pytest.mark.django_db
def test_throttle_parallel_requests_counted_exactly_in_redis():
    """Twenty requests at once against a rate of seven: seven admitted (DRF's list of request
    times, read and written whole, lost requests written at the same moment)."""
    with (
        redis_key_prefix() as prefix,
        override_settings(CACHES=cache_settings(TEST_REDIS_URL, key_prefix=prefix)),
    ):
        answers = []
        start = threading.Barrier(20)

        def ask():
            one = throttle("7/hour", Clock(36_000.0))
            one.cache = caches["default"]
            start.wait()
            answers.append(one.allow_request(anonymous_request(), None))

        threads = [threading.Thread(target=ask) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert sorted(answers) == [False] * 13 + [True] * 7


@pytest.mark.django_db
def test_throttle_anonymous_callers_counted_by_the_anonymous_rate_only(api_client, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "1/minute"}
    )
    codes = [api_client.get("/api/v1/dialogues/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
