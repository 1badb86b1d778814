"""Write French and Spanish translations into the catalogues from a JSON file.

    python scripts/fill_translations.py translations.json
    python scripts/fill_translations.py --complete-plurals

The JSON maps each msgid to {"fr": "...", "es": "..."}. Entries are matched in every catalogue
that contains the msgid; the .mo files are compiled afterwards. An entry with a context
(pgettext, {% translate "Open" context "..." %}) is keyed "<context>\u0004<msgid>", as in the
.mo file; a plain msgid never fills an entry that has a context.

Plural entries (msgid_plural) get every form their catalogue's Plural-Forms header declares:
French has two (one, other), Spanish three (one, many: whole millions, other). Give a plural
entry's translation as a list of forms in the catalogue's order, e.g.

    "%(count)s answer": {"fr": ["%(count)s réponse", "%(count)s réponses"],
                         "es": ["%(count)s respuesta", "%(count)s respuestas",
                                "%(count)s respuestas"]}

Two forms (singular, plural) given for a language that declares more fill every form after the
first with the plural; a single string fills every form. More forms than declared is an error.

--complete-plurals fills the missing forms of the plural entries already in the catalogues the
same way (each missing form gets the last filled form before it), e.g. after merging a
catalogue written with two Spanish forms.
"""

import argparse
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from messages import compile_all, plural_count, po_files  # noqa: E402


def plural_forms(text, count, msgid=""):
    """Every one of `count` forms from a string, (singular, plural) or a full list."""
    forms = [text] if isinstance(text, str) else list(text)
    if not forms or len(forms) > count:
        raise SystemExit(f"{msgid!r}: {len(forms)} plural forms given, the catalogue has {count}")
    if len(forms) == 1:
        return forms * count
    return forms + [forms[-1]] * (count - len(forms))


def complete_plurals(entry, count):
    """Fill an entry's missing plural forms from the last filled one; True if it changed."""
    forms, last, changed = {}, "", False
    for index in range(count):
        form = entry.msgstr_plural.get(index, "")
        if not form and last:
            form, changed = last, True
        forms[index] = form
        last = form or last
    if changed:
        entry.msgstr_plural = forms
    return changed


def fill(translations, paths=None):
    for po_path in po_files() if paths is None else paths:
        language = po_path.parent.parent.name
        catalogue = polib.pofile(str(po_path))
        count = plural_count(catalogue)
        changed = False
        for entry in catalogue:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            text = translations.get(key, {}).get(language)
            if not text:
                continue
            if entry.msgid_plural:
                entry.msgstr_plural = dict(enumerate(plural_forms(text, count, entry.msgid)))
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed = True
        if changed:
            catalogue.save()


def complete_all():
    for po_path in po_files():
        catalogue = polib.pofile(str(po_path))
        count = plural_count(catalogue)
        changed = [complete_plurals(entry, count) for entry in catalogue if entry.msgid_plural]
        if any(changed):
            catalogue.save()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 2)[2],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("json", nargs="?", help="translations: {msgid: {language: text}}")
    parser.add_argument(
        "--complete-plurals",
        action="store_true",
        help="fill the missing plural forms of the entries already in the catalogues",
    )
    args = parser.parse_args(argv)
    if not args.json and not args.complete_plurals:
        parser.error("give a JSON file, --complete-plurals, or both")
    if args.json:
        fill(json.loads(Path(args.json).read_text(encoding="utf-8")))
    if args.complete_plurals:
        complete_all()
    compile_all()


if __name__ == "__main__":
    main()
