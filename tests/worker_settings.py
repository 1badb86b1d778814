"""Settings of the real `manage.py db_worker` processes that integration tests start: the test
settings on the test database, the plain database task backend, and SMTP to 127.0.0.1 on the
port the test chose (IDM_TEST_SMTP_PORT)."""

import os

from idm.settings_test import *  # noqa: F403
from idm.settings_test import DATABASES

DATABASES["default"]["NAME"] = os.environ["IDM_TEST_DATABASE_NAME"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["IDM_TEST_SMTP_PORT"])
EMAIL_TIMEOUT = 120
