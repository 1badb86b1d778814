"""Settings for the test suite: fast hashing, in-memory email, plain static storage."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-suite-only-secret-key-0123456789-abcdefghijklmnop")
# Links in emails point at the test client's host, like the pages' own absolute links.
os.environ.setdefault("IDM_SITE_URL", "http://testserver")

from idm.settings import *  # noqa: F403
from idm.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
ALLOWED_HOSTS = ["*"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Factories write rows without the services, so a page cached earlier in a test would not
# show them: the page and API read cache is off, except in the tests of it (the `page_cache`
# fixture of tests/conftest.py turns it on).
IDM_PAGE_CACHE_SECONDS = 0
# The database task backend, whose ready tasks run as soon as their transaction commits.
TASKS = {"default": {"BACKEND": "tests.task_backend.RunAfterCommitBackend"}}
# That backend runs each task itself once its transaction commits: no worker to wait for.
IDM_TASKS_RUN_IMMEDIATELY = True
