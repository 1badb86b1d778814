"""The surveys' URL names follow the site's style (lower-case words joined by hyphens, as the
workshops' and the API's); the paths stay where they were."""

import re

import pytest
from django.urls import reverse

from surveys.urls import urlpatterns

pytestmark = pytest.mark.django_db

PATHS = {
    ("list", ()): "/surveys/",
    ("start", (3,)): "/surveys/3/",
    ("dashboard", (3,)): "/surveys/3/dashboard/",
    ("remind", (3,)): "/surveys/3/remind/",
    ("results", (3,)): "/surveys/3/results/",
    ("adopt-theme", (3,)): "/surveys/3/adopt-theme/",
    ("csv", (3,)): "/surveys/3/responses.csv",
    ("xlsx", (3,)): "/surveys/3/responses.xlsx",
    ("response", (3, "PH")): "/surveys/3/PH/",
    ("submit", (3, "PH")): "/surveys/3/PH/submit/",
    ("reopen", (3, "PH")): "/surveys/3/PH/reopen/",
    ("section", (3, "PH", 2)): "/surveys/3/PH/sections/2/",
    ("autosave", (3, "PH", 2)): "/surveys/3/PH/sections/2/autosave/",
    ("conflict", (3, "PH", 2)): "/surveys/3/PH/sections/2/conflict/",
}


def test_urls_names_in_one_style():
    names = [pattern.name for pattern in urlpatterns]
    assert [name for name in names if not re.fullmatch(r"[a-z]+(-[a-z]+)*", name)] == []


@pytest.mark.parametrize(("name", "args"), PATHS)
def test_urls_paths_unchanged(name, args):
    assert reverse(f"surveys:{name}", args=args) == PATHS[(name, args)]
