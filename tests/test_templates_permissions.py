"""Acceptance 2 (issue 12): no template decides access itself. Templates ask the named rules
permissions (`perms.idm.staff`, `{% has_perm "surveys.respond" user ctx as … %}`); reading
`is_staff` or `member_state_id` in a template (or getting an `is_staff` variable from a view)
would be a second permission layer that drifts from the first."""

import re
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

FORBIDDEN = re.compile(r"\b(is_staff|member_state_id)\b")


def project_templates():
    """Every template of the project: each app's templates/ folder and the TEMPLATES DIRS."""
    root = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [
        Path(config.path) / "templates"
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root)
        and not Path(config.path).resolve().is_relative_to(Path(sys.prefix).resolve())
    ]
    return sorted(
        path
        for folder in folders
        if folder.is_dir()
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".html", ".txt", ".xml", ".ics"}
    )


def test_templates_never_read_is_staff_or_member_state_id():
    templates = project_templates()
    assert len(templates) > 50  # every app's templates were found
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}"
        for path in templates
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert offenders == [], "Ask a named permission instead:\n" + "\n".join(offenders)


def test_template_scan_finds_an_offender(tmp_path, settings):
    """The scan would catch one (it is not a test that cannot fail)."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "bad.html").write_text("{% if user.is_staff %}x{% endif %}", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [folder]}]
    bad = [path for path in project_templates() if FORBIDDEN.search(path.read_text())]
    assert [path.name for path in bad] == ["bad.html"]
