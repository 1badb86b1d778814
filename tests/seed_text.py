"""Paragraphs of the IDM 2009 discussion note, read from the seed file itself, so tests can
compare the loaded data with the note word for word (PDF line breaks joined)."""

import re
from pathlib import Path

NOTE = Path(__file__).resolve().parents[1] / "idm" / "seed_data" / "idm-2009-discussion-note.txt"
FOOTNOTE_LINES = re.compile(
    r"^( \d+|Article 1\(1\)\(e\)\.|Workshop presentations|information on|"
    r"\(IC/2008/6\)\.|For details of|\(Document MC/2266)"
)


def _lines():
    return NOTE.read_text(encoding="utf-8").split("\n")


def principle_paragraphs():
    """{'a': 'Return migration is neither …', …} from the lettered paragraphs of the note."""
    paragraphs, label, collected = {}, None, []
    for line in _lines():
        letter = re.fullmatch(r"\(([a-k])\)", line.strip())
        if letter or line.startswith(" IDM 2009:"):
            if label:
                paragraphs[label] = " ".join(collected)
            label, collected = (letter.group(1) if letter else None), []
            if not letter:
                break
            continue
        if label and line.strip() and not FOOTNOTE_LINES.match(line):
            collected.append(line.strip())
    return paragraphs


def numbered_paragraphs(first, last):
    """The text of numbered paragraphs `first`..`last` (e.g. 6-8), one string each."""
    text = "\n".join(_lines())
    paragraphs = []
    for number in range(first, last + 1):
        match = re.search(
            rf"^{number}\.\s*(.*?)(?=^\d+\.\s|^Second Workshop|^Funding approach)",
            text,
            re.S | re.M,
        )
        paragraphs.append(" ".join(part.strip() for part in match.group(1).split("\n") if part))
    return paragraphs
