"""The French and Spanish catalogues cover every interface string in the code."""

import re
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
        # keyed by (context, msgid): "Open" the status and "Open" the button differ
        expected = {
            (e.msgctxt, e.msgid): e.msgstr
            for e in source.translated_entries()
            if not e.msgid_plural
        }
        actual = {
            (e.msgctxt, e.msgid): e.msgstr for e in compiled if e.msgid and not e.msgid_plural
        }
        assert actual == expected, f"{relative}: compile it again (`make messages`)"
        expected = {
            (e.msgctxt, e.msgid): e.msgstr_plural
            for e in source
            if e.msgid_plural and not e.obsolete
        }
        actual = {(e.msgctxt, e.msgid): e.msgstr_plural for e in compiled if e.msgid_plural}
        assert actual == expected, f"{relative}: compile it again (`make messages`)"


def declared_plural_forms(catalogue):
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    assert match, "the catalogue declares no Plural-Forms"
    return int(match.group(1))


def test_translations_every_plural_form_filled_in_every_language():
    """A count that selects an empty form shows in English ("2 submitted responses" on a
    Spanish page): every form the catalogue declares must be filled, for every entry."""
    expected = {"fr": 2, "es": 3}
    checked = set()
    for relative in catalogues(ROOT):
        language = relative.parts[-3]
        catalogue = polib.pofile(str(ROOT / relative))
        count = declared_plural_forms(catalogue)
        assert count == expected.get(language, count), f"{relative}: nplurals={count}"
        for entry in catalogue:
            if not entry.msgid_plural or entry.obsolete:
                continue
            empty = [i for i in range(count) if not entry.msgstr_plural.get(i, "").strip()]
            assert not empty, f"{relative}: {entry.msgid!r} leaves plural forms {empty} empty"
            extra = sorted(set(entry.msgstr_plural) - set(range(count)))
            assert not extra, f"{relative}: {entry.msgid!r} has undeclared forms {extra}"
            checked.add(language)
    assert checked == {"fr", "es"}  # the test looked at plural entries in both languages


def fill_translations():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import fill_translations
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return fill_translations


def test_fill_translations_plural_entry_gets_every_declared_form():
    script = fill_translations()
    es = ["%(n)s respuesta", "%(n)s respuestas", "%(n)s respuestas"]
    assert script.plural_forms(es, 3) == es
    assert script.plural_forms(["%(n)s réponse", "%(n)s réponses"], 2) == [
        "%(n)s réponse",
        "%(n)s réponses",
    ]
    # (singular, plural) for a language with three forms: the plural fills "many" and "other"
    assert script.plural_forms(["%(n)s respuesta", "%(n)s respuestas"], 3) == es
    assert script.plural_forms("Respuestas: %(n)s", 3) == ["Respuestas: %(n)s"] * 3
    with pytest.raises(SystemExit, match="3 plural forms given, the catalogue has 2"):
        script.plural_forms(es, 2, "%(n)s answer")


def test_fill_translations_complete_plurals_fills_missing_forms_from_the_last():
    script = fill_translations()
    catalogue = polib.POFile()
    catalogue.metadata = {"Plural-Forms": "nplurals=3; plural=n == 1 ? 0 : 2;"}
    entry = polib.POEntry(
        msgid="%(n)s answer",
        msgid_plural="%(n)s answers",
        msgstr_plural={0: "%(n)s respuesta", 1: "%(n)s respuestas"},
    )
    untouched = polib.POEntry(
        msgid="%(n)s event",
        msgid_plural="%(n)s events",
        msgstr_plural={0: "%(n)s evento", 1: "%(n)s eventos", 2: "%(n)s eventos"},
    )
    assert script.plural_count(catalogue) == 3
    assert script.complete_plurals(entry, 3) is True
    assert entry.msgstr_plural == {
        0: "%(n)s respuesta",
        1: "%(n)s respuestas",
        2: "%(n)s respuestas",
    }
    assert script.complete_plurals(untouched, 3) is False


def test_fill_translations_context_entry_keyed_apart_and_plural_forms_completed(tmp_path):
    script = fill_translations()
    po_path = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Plural-Forms": "nplurals=3; plural=n == 1 ? 0 : 2;"}
    catalogue.append(polib.POEntry(msgid="Open", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Open", msgctxt="button", msgstr=""))
    catalogue.append(
        polib.POEntry(msgid="%(n)s answer", msgid_plural="%(n)s answers", msgstr_plural={})
    )
    catalogue.save(str(po_path))
    script.fill(
        {
            "Open": {"es": "Abierta"},
            "button\u0004Open": {"es": "Abrir"},
            "%(n)s answer": {"es": ["%(n)s respuesta", "%(n)s respuestas"]},
        },
        paths=[po_path],
    )
    filled = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(po_path))}
    assert filled[(None, "Open")].msgstr == "Abierta"
    assert filled[("button", "Open")].msgstr == "Abrir"
    assert filled[(None, "%(n)s answer")].msgstr_plural == {
        0: "%(n)s respuesta",
        1: "%(n)s respuestas",
        2: "%(n)s respuestas",
    }
