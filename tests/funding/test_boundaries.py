"""Nothing imports funding: workshops pages show it through `{% load funding_tags %}`, and
idm mounts its URLs by dotted path."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("app", ["idm", "workshops", "principles", "surveys"])
def test_no_other_app_imports_funding(app):
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / app).rglob("*.py")
        for module in imported_modules(path)
        if module == "funding" or module.startswith("funding.")
    ]
    assert offenders == []


def test_workshops_templates_load_the_funding_tags():
    templates = ROOT / "workshops" / "templates" / "workshops"
    for name in ["event_detail.html", "_event_list.html", "dialogue_detail.html"]:
        assert "funding_tags" in (templates / name).read_text(encoding="utf-8"), name
