"""The API's throttles: DRF's rates and scopes, counting in the shared cache (REDIS_URL), and
failing closed.

Each client's requests are counted in the default cache, so with Redis the documented rates
hold across web processes and machines. When the cache cannot be reached the request is
refused with 503 (and the error logged) rather than let through uncounted: a Redis outage
must not switch the limits off.

Counting: a sliding window estimated from two counters per client, the current window's and
the previous one's (each window is the rate's period, e.g. a minute): the previous count
weighs as much as the part of it still inside the last period, rounded up. Each request is
one atomic increment (INCR in Redis) and one read of both counters, whatever the rate. DRF's
own throttles keep the time of every request of the period in one cache entry, read and
written whole on each request: a list that grows with the rate (thousands of entries for a
busy client), and two processes writing it at once lose each other's requests.
"""

import logging
import math

from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework import status, throttling
from rest_framework.exceptions import APIException

logger = logging.getLogger(__name__)


class CacheUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The service is briefly unavailable. Please try again in a minute.")
    default_code = "service_unavailable"


class WindowCounterThrottle(throttling.SimpleRateThrottle):
    """DRF's SimpleRateThrottle counting as the module's docstring says (a refused request
    is not counted). It comes after DRF's Anon/User/Scoped classes in each throttle's bases:
    they say whom to count (and the scope's rate), this class how."""

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.now = self.timer()
        window, position = divmod(self.now, self.duration)
        current, previous = f"{self.key}:{int(window)}", f"{self.key}:{int(window) - 1}"
        counts = self.cache.get_many([previous, current])
        if current not in counts:
            self.cache.add(current, 0, timeout=2 * self.duration)
        count = self.cache.incr(current)
        self.previous_count, self.position = counts.get(previous, 0), position
        weight = 1 - position / self.duration
        if math.ceil(self.previous_count * weight) + count > self.num_requests:
            self.current_count = self.cache.decr(current)
            return False
        return True

    def wait(self):
        """Seconds until a request is admitted again: when enough of the previous window has
        slid out of the period, else at the end of this window."""
        free = self.num_requests - 1 - self.current_count
        if free >= 0 and self.previous_count:
            needed = (1 - free / self.previous_count) * self.duration
            return max(needed - self.position, 0.001)
        return self.duration - self.position


class FailClosedThrottleMixin:
    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except RedisError as error:
            logger.error("API throttle refused the request: the cache is unreachable (%s)", error)
            raise CacheUnavailable from error


class AnonRateThrottle(FailClosedThrottleMixin, throttling.AnonRateThrottle, WindowCounterThrottle):
    pass


class UserRateThrottle(FailClosedThrottleMixin, throttling.UserRateThrottle, WindowCounterThrottle):
    """Authenticated callers. Anonymous ones are counted by AnonRateThrottle alone (DRF's
    counts them here a second time, per address, at the more generous rate)."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return super().get_cache_key(request, view)


class ScopedRateThrottle(
    FailClosedThrottleMixin, throttling.ScopedRateThrottle, WindowCounterThrottle
):
    """A stricter rate for one kind of request (the view's `throttle_scope`, e.g.
    "registrations"), on top of the anonymous and user rates."""
