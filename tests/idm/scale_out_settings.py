"""Settings of the web processes that tests/idm/test_scale_out.py starts: production settings
(idm.settings, configured from the environment like a deployment), except that static files
come from the source folders (no collectstatic before the test) and the cache keys carry the
test's own prefix (it deletes exactly those keys afterwards)."""

import os

from idm.settings import *  # noqa: F403
from idm.settings import CACHES, STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
CACHES["default"]["KEY_PREFIX"] = os.environ["IDM_TEST_CACHE_KEY_PREFIX"]
