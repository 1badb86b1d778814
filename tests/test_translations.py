"""The French and Spanish catalogues cover every interface string in the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "node_modules",
    "media",
    "staticfiles",
    "__pycache__",
    "*.sqlite3",
    "test-artifacts",
)


def catalogues(root):
    return sorted(
        p.relative_to(root)
        for p in root.glob("**/locale/*/LC_MESSAGES/django.po")
        if ".venv" not in p.parts
    )


def entries(path):
    return {
        (e.msgid, e.msgstr, tuple(sorted(e.msgstr_plural.items())))
        for e in polib.pofile(str(path))
        if not e.obsolete
    }


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext (xgettext) not installed")
def test_translations_catalogues_up_to_date_and_complete(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=IGNORED)
    subprocess.run(
        [sys.executable, "scripts/messages.py"], cwd=copy, check=True, capture_output=True
    )
    assert catalogues(copy) == catalogues(ROOT)
    for relative in catalogues(ROOT):
        assert entries(copy / relative) == entries(ROOT / relative), (
            f"{relative} is out of date: run `make messages` and translate the new strings"
        )
    check = subprocess.run(
        [sys.executable, "scripts/messages.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout


def test_translations_compiled_catalogues_match_sources():
    for relative in catalogues(ROOT):
        source = polib.pofile(str(ROOT / relative))
        compiled = polib.mofile(str((ROOT / relative).with_suffix(".mo")))
        expected = {e.msgid: e.msgstr for e in source.translated_entries() if not e.msgid_plural}
        actual = {e.msgid: e.msgstr for e in compiled if e.msgid and not e.msgid_plural}
        assert actual == expected, f"{relative}: compile it again (`make messages`)"
