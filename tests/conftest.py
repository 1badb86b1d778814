import pytest
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def _clear_cache():
    """Throttling counters live in the cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def page_cache(settings):
    """Public pages and API reads cached as in production (idm/page_cache.py)."""
    settings.IDM_PAGE_CACHE_SECONDS = 60


@pytest.fixture(autouse=True)
def _english_to_start():
    """Every test starts in English: a request in another language leaves that language
    active in the thread (LocaleMiddleware activates it and nothing deactivates it), and
    content written through the original field names (`title=`) goes to the active language's
    column."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def staff_user(db):
    from tests.factories import StaffFactory

    return StaffFactory(is_superuser=True)


@pytest.fixture
def staff_client(client, staff_user):
    """A client with a fully established IOM staff session: the one place that knows how
    staff log in (use it instead of pytest-django's admin_client).

    Staff sessions must be verified by a two-factor device (django-otp): the staff user gets
    a confirmed TOTP device and the session records it, as the login's code step does."""
    from tests.idm.factories import verify_staff_session

    client.force_login(staff_user)
    verify_staff_session(client, staff_user)
    return client
