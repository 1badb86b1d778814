"""The query budget: every list page and every list endpoint answers in at most 10 queries,
the same number at 1 row as at 30.

The routes come from the URL resolver (pages) and the OpenAPI schema (the API), so a route
added later is covered automatically or this test fails naming it: add it to PAGES (a list)
or NOT_A_LIST (with the reason) in tests/query_budget_cases.py, or to ENDPOINTS.

The counts measure uncached rendering: every cache is cleared before each counted request
(and no conditional header is sent), so a page cache cannot make the second count cheaper.
"""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from drf_spectacular.generators import SchemaGenerator
from pypdf import PdfReader
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.idm.factories import verify_staff_session
from tests.query_budget_cases import (
    ANONYMOUS,
    DELEGATE,
    ENDPOINTS,
    FOCAL_POINT,
    NOT_A_LIST,
    OVER_BUDGET,
    PAGES,
    STAFF,
    World,
    row,
)

BUDGET = 10
ROWS = 30
# Routes that are not pages of the portal: the API (from the schema), the admin, and the
# bench's baseline view (mounted only by `make bench`).
SKIPPED_PREFIXES = ("api/v1/", "admin/")
SKIPPED_NAMESPACES = ("api", "admin", "bench")


def page_routes(patterns=None, prefix="", namespace=None):
    """{route name ("namespace:name"): its pattern} of every page route."""
    routes = {}
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            if inner and inner.split(":")[0] in SKIPPED_NAMESPACES:
                continue
            routes.update(page_routes(pattern.url_patterns, route, inner))
        elif isinstance(pattern, URLPattern):
            name = pattern.name or route
            routes[f"{namespace}:{name}" if namespace else name] = route
    return routes


def api_list_paths():
    """Paths of the schema's GET operations whose 200 response is a paginated list or an array."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    paths = []
    for path, item in schema["paths"].items():
        if "get" not in item:
            continue
        content = item["get"]["responses"].get("200", {}).get("content", {})
        for media in content.values():
            body = media.get("schema", {})
            if "$ref" in body:
                body = components[body["$ref"].rsplit("/", 1)[-1]]
            if body.get("type") == "array" or "results" in body.get("properties", {}):
                paths.append(path)
                break
    return paths


PAGE_ROUTES = page_routes()
LIST_ROUTES = sorted(name for name in PAGE_ROUTES if name not in NOT_A_LIST)
API_PATHS = api_list_paths()


def clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()


def requester(role, api=False):
    """(user, client) for the role; staff pages get a two-factor-verified session, staff API
    clients a token."""
    client = APIClient() if api else Client()
    if role == ANONYMOUS:
        return None, client
    user = {
        DELEGATE: lambda: DelegateFactory(member_state=MemberStateFactory(code="QB")),
        FOCAL_POINT: lambda: FocalPointFactory(member_state=MemberStateFactory(code="QB")),
        STAFF: StaffFactory,
    }[role]()
    if api:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    else:
        client.force_login(user)
        if role == STAFF:
            verify_staff_session(client, user)
    return user, client


def counted_get(client, url):
    """(status, body bytes, queries) of an uncached GET; a streamed body is read inside the
    count, since its queries run while it streams."""
    clear_caches()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body, context.captured_queries


def text_of(body, kind):
    if kind == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if kind == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
        return "\n".join(" ".join(str(v) for v in r if v is not None) for r in sheet.values)
    if kind == "csv":
        return "\n".join(" ".join(r) for r in csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    return body.decode()


def describe(queries):
    return "\n".join(f"{i}. {q['sql'][:300]}" for i, q in enumerate(queries, start=1))


def assert_budget(name, small, large):
    assert len(small) == len(large), (
        f"{name}: {len(small)} queries at 1 row, {len(large)} at {ROWS}\n"
        f"--- at {ROWS} rows:\n{describe(large)}"
    )
    budget = OVER_BUDGET.get(name, (BUDGET,))[0]
    assert len(large) <= budget, f"{name}: {len(large)} queries > {budget}\n{describe(large)}"
    if name in OVER_BUDGET:
        assert len(large) > BUDGET, f"{name}: {len(large)} queries: remove it from OVER_BUDGET"


@pytest.mark.django_db
def test_query_budget_tables_name_only_existing_routes():
    assert sorted(set(PAGES) - set(PAGE_ROUTES)) == []
    assert sorted(set(NOT_A_LIST) - set(PAGE_ROUTES)) == []
    assert sorted(set(PAGES) & set(NOT_A_LIST)) == []
    assert sorted(set(OVER_BUDGET) - set(PAGES)) == []
    assert sorted(set(ENDPOINTS) - set(API_PATHS)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", LIST_ROUTES)
def test_query_budget_page(name):
    if name not in PAGES:
        pytest.fail(
            f"route {name!r} (/{PAGE_ROUTES[name]}) is neither in PAGES nor in NOT_A_LIST of "
            "tests/query_budget_cases.py: add it to one of them"
        )
    case = PAGES[name]
    user, client = requester(case.user)
    world = World(user=user, state=getattr(user, "member_state", None))
    world.parent = case.setup(world)
    for n in range(1, case.first + 1):
        case.add(world, n)
    url = case.url(world)
    counted_get(client, url)  # warm-up: what a process looks up once (content types…)
    status, body, small = counted_get(client, url)
    assert status == 200, body[:500]
    for n in range(case.first + 1, ROWS + 1):
        case.add(world, n)
    status, body, large = counted_get(client, url)
    assert status == 200, body[:500]
    text = text_of(body, case.body)
    for shown in case.shows(ROWS):
        assert shown in text, f"{name}: {shown!r} is not in the response"
    assert_budget(name, small, large)


@pytest.mark.django_db
@pytest.mark.parametrize("path", API_PATHS)
def test_query_budget_api(path):
    if path not in ENDPOINTS:
        pytest.fail(f"API list {path} has no row-adding function in ENDPOINTS")
    case = ENDPOINTS[path]
    user, client = requester(case.user, api=True)
    world = World(user=user, state=getattr(user, "member_state", None))
    world.parent = case.setup(world)
    url = path + case.query
    texts = [case.add(world, 1)]
    counted_get(client, url)  # warm-up
    status, body, small = counted_get(client, url)
    assert status == 200, body[:500]
    texts += [case.add(world, n) for n in range(2, ROWS + 1)]
    status, body, large = counted_get(client, url)
    assert status == 200, body[:500]
    data = client.get(url).json()
    assert data["count"] >= ROWS, data["count"]
    assert texts[-1] in body.decode(), f"{path}: {texts[-1]!r} is not in the response"
    assert row(ROWS) in body.decode() or texts[-1] in body.decode()
    assert_budget(path, small, large)
