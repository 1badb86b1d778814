"""Search in the reader's language, accents ignored (idm/search.py): the word-by-word search
that SQLite (`make run`) uses, and the `unaccent` function SQLite gets."""

import sqlite3
from types import SimpleNamespace

import pytest

from idm.search import _word_search, add_sqlite_functions, strip_accents
from principles.models import Principle
from tests.principles.factories import PrincipleFactory

pytestmark = pytest.mark.django_db

FIELDS = {"headline": "A", "body": "B"}


def found(text, language):
    return sorted(p.label for p in _word_search(Principle.objects.all(), text, FIELDS, language))


@pytest.fixture
def principles():
    PrincipleFactory(
        label="a",
        headline="Sustainable reintegration.",
        headline_fr="Une réintégration durable.",
        body="Countries cooperate.",
    )
    PrincipleFactory(label="b", headline="Return is voluntary.", body="Réintégration in French.")


def test_word_search_french_text_accents_ignored(principles):
    assert found("reintegration durable", "fr") == ["a"]
    assert found("RÉINTÉGRATION", "fr") == ["a", "b"]


def test_word_search_untranslated_text_searched_in_english(principles):
    """(b) has no French text: a French reader sees, and finds, its English one; (a)'s English
    headline is not what a French reader sees."""
    assert found("voluntary", "fr") == ["b"]
    assert found("sustainable", "fr") == []
    assert found("cooperate", "fr") == ["a"]  # (a)'s body has no French text


def test_word_search_english(principles):
    assert found("sustainable reintegration", "en") == ["a"]
    assert found("durable", "en") == []


def test_sqlite_connection_gets_unaccent():
    raw = sqlite3.connect(":memory:")
    add_sqlite_functions(sender=None, connection=SimpleNamespace(vendor="sqlite", connection=raw))
    row = raw.execute("select unaccent('Réintégration à Genève'), unaccent(NULL)").fetchone()
    assert row == ("Reintegration a Geneve", None)


def test_strip_accents_spanish_and_french():
    assert strip_accents("migración, niño, Œuvre, ça") == "migracion, nino, Œuvre, ca"
