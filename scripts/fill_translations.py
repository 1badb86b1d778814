"""Write French and Spanish translations into the catalogues from a JSON file.

    python scripts/fill_translations.py translations.json

The JSON maps each msgid to {"fr": "...", "es": "..."} (for plurals, lists of forms). Entries
are matched in every catalogue that contains the msgid; the .mo files are compiled afterwards.
"""

import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from messages import compile_all, po_files  # noqa: E402


def main(path):
    translations = json.loads(Path(path).read_text(encoding="utf-8"))
    for po_path in po_files():
        language = po_path.parent.parent.name
        catalogue = polib.pofile(str(po_path))
        changed = False
        for entry in catalogue:
            text = translations.get(entry.msgid, {}).get(language)
            if not text:
                continue
            if entry.msgid_plural:
                forms = text if isinstance(text, list) else [text, text]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed = True
        if changed:
            catalogue.save()
    compile_all()


if __name__ == "__main__":
    main(sys.argv[1])
