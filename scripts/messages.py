"""Extract translatable strings into the catalogues and compile them.

The project catalogue (locale/) holds the programme core and the shared templates; each
other app keeps its own catalogue in <app>/locale/, so apps can be translated separately.

    python scripts/messages.py            # update the .po files and compile the .mo files
    python scripts/messages.py --check    # exit 1 if a string lacks a French or Spanish translation
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
APPS = ["workshops", "principles", "surveys", "funding"]
LANGUAGES = ["fr", "es"]
COMMON_IGNORES = [".venv", "node_modules", "tests", "staticfiles", "media", "scripts"]


def catalogue_dirs():
    """(directory makemessages runs in, extra ignores) for every catalogue."""
    yield ROOT, APPS
    for app in APPS:
        if (ROOT / app / "locale").is_dir():
            yield ROOT / app, []


def makemessages(directory, ignores):
    command = [
        sys.executable,
        str(ROOT / "manage.py"),
        "makemessages",
        "--no-location",
        "--no-obsolete",
        "--all",
    ]
    for pattern in [*COMMON_IGNORES, *ignores]:
        command += ["--ignore", pattern]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "idm.settings_test"}
    subprocess.run(command, cwd=directory, env=env, check=True)


def po_files():
    for directory, _ignores in catalogue_dirs():
        for language in LANGUAGES:
            path = directory / "locale" / language / "LC_MESSAGES" / "django.po"
            if path.exists():
                yield path


def plural_count(catalogue):
    """How many plural forms the catalogue declares (its Plural-Forms header)."""
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def missing_plural_forms(entry, count):
    """The plural forms (indexes) of an entry left empty; none for a singular entry."""
    if not entry.msgid_plural:
        return []
    return [index for index in range(count) if not entry.msgstr_plural.get(index)]


def untranslated(path):
    """Entries without a translation, fuzzy, or with a plural form left empty (a count that
    selects an empty form shows in English)."""
    catalogue = polib.pofile(str(path))
    count = plural_count(catalogue)
    return [
        entry.msgid
        for entry in catalogue
        if not entry.translated() or entry.fuzzy or missing_plural_forms(entry, count)
    ]


def compile_all():
    for path in po_files():
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        for directory, ignores in catalogue_dirs():
            makemessages(directory, ignores)
        compile_all()
    missing = {str(path.relative_to(ROOT)): untranslated(path) for path in po_files()}
    missing = {path: ids for path, ids in missing.items() if ids}
    for path, ids in missing.items():
        print(f"{path}: {len(ids)} untranslated")
        for msgid in ids:
            print(f"    {msgid!r}")
    sys.exit(1 if (args.check and missing) else 0)


if __name__ == "__main__":
    main()
