"""The API's throttles: DRF's, counting in the shared cache (REDIS_URL), and failing closed.

DRF keeps each client's request history in the default cache, so with Redis the documented
rates hold across web processes and machines. When the cache cannot be reached the request is
refused with 503 (and the error logged) rather than let through uncounted: a Redis outage
must not switch the limits off.
"""

import logging

from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError
from rest_framework import status, throttling
from rest_framework.exceptions import APIException

logger = logging.getLogger(__name__)


class CacheUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("The service is briefly unavailable. Please try again in a minute.")
    default_code = "service_unavailable"


class FailClosedThrottleMixin:
    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except RedisError as error:
            logger.error("API throttle refused the request: the cache is unreachable (%s)", error)
            raise CacheUnavailable from error


class AnonRateThrottle(FailClosedThrottleMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(FailClosedThrottleMixin, throttling.UserRateThrottle):
    pass


class ScopedRateThrottle(FailClosedThrottleMixin, throttling.ScopedRateThrottle):
    """A stricter rate for one kind of request (the view's `throttle_scope`, e.g.
    "registrations"), on top of the anonymous and user rates."""
