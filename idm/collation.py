"""Alphabetical order as a reader expects it, whatever the language: accents, case and
punctuation do not count (Côte d'Ivoire sits beside Costa Rica, Éthiopie beside Estonie).

Sort any list of names with `sorted(items, key=lambda item: collation_key(item.name))`.
"""

import unicodedata


def collation_key(text):
    """A key that sorts `text` alphabetically, ignoring accents, case and punctuation; the
    text itself breaks ties so that the order is total."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    letters = "".join(
        character
        for character in decomposed
        if not unicodedata.combining(character) and (character.isalnum() or character == " ")
    )
    return (" ".join(letters.casefold().split()), text or "")
