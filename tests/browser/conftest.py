"""Browser tests: Playwright driving Debian's chromium (never a downloaded browser).

They are skipped when /usr/bin/chromium is missing, unless IDM_REQUIRE_BROWSER=1 (as in CI),
which turns a missing browser into a failure.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("IDM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LOCAL_HOSTS = {"127.0.0.1", "localhost", None}

# Playwright's sync API runs an event loop in this thread; the live server's database
# access happens in its own thread, and the test's own ORM calls are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _missing(reason):
    if os.environ.get("IDM_REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _site_url_is_live_server(request, settings):
    """Links in emails (built from IDM_SITE_URL) lead to the test's live server."""
    if "live_server" in request.fixturenames:
        settings.IDM_SITE_URL = request.getfixturevalue("live_server").url


class RemoteRequests(list):
    """Every request the page made to a host other than this machine."""


# Motion makes accessibility checks depend on timing: a button caught mid-transition (the
# hover colour of .btn-outline-primary) failed colour contrast one run in many. Pages open
# with reduced motion, for which Bootstrap (and our own CSS, which has no transition) drops
# every transition and animation; axe_violations also parks the pointer first.


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    page = context.new_page()
    page.remote_requests = RemoteRequests()
    page.on(
        "request",
        lambda request: (
            page.remote_requests.append(request.url)
            if urlparse(request.url).hostname not in LOCAL_HOSTS
            else None
        ),
    )
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_violations():
    """Run axe-core (from the npm registry) in a page; return serious/critical violations."""
    if not AXE_SCRIPT.exists():
        _missing("axe-core not installed (npm ci)")

    def run(page):
        # No pointer resting on an element: a hovered or focused-by-click control shows its
        # hover colours, which differ from page to page and from run to run.
        page.mouse.move(0, 0)
        # Evaluated through the DevTools protocol, not as a <script> tag: the portal's
        # Content Security Policy (rightly) blocks inline scripts.
        page.evaluate(AXE_SCRIPT.read_text())
        result = page.evaluate("async () => await axe.run()")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run
