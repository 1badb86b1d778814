"""The cache configuration (CACHES): Redis through django-redis when a URL is given, else the
process's own memory. One place, so that settings and tests build it the same way."""

# A Redis that does not answer within this many seconds counts as down: a web process never
# waits longer than that for the cache.
REDIS_TIMEOUT_SECONDS = 1


def cache_settings(redis_url, *, key_prefix="idm"):
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
