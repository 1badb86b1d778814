"""Full-text search in the reader's language, accents ignored.

On PostgreSQL each translated text is searched with the stemming of its language (`english`,
`french`, `spanish` text search configurations) after `unaccent` (the extension is created by
the migration idm/0009): "reintegration", "réintégration" and "réintégrations" find the same
French principle. A text without a translation is searched as the page shows it: in English,
with English stemming.

Elsewhere (SQLite, `make run`) each word must appear in the text, accents ignored (the
`unaccent` SQL function is added to each SQLite connection, see `add_sqlite_functions`).
"""

import unicodedata

from django.db import connection
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce

from idm.content_languages import ORIGINAL_LANGUAGE, content_language

SEARCH_CONFIGURATIONS = {"en": "english", "fr": "french", "es": "spanish"}


def strip_accents(text):
    """ "Réintégration" -> "Reintegration" (SQLite's `unaccent`)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def add_sqlite_functions(sender, connection, **kwargs):
    """`connection_created` receiver: SQLite gets the `unaccent` function PostgreSQL has."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("unaccent", 1, strip_accents, deterministic=True)


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


def translated(name, language):
    """The text of `<name>_<language>`, empty when there is none."""
    return Coalesce(F(f"{name}_{language}"), Value(""), output_field=TextField())


def untranslated(name, language):
    """The English text where `<name>_<language>` is missing (what the page shows), else ""."""
    missing = Q(**{f"{name}_{language}__isnull": True}) | Q(**{f"{name}_{language}": ""})
    return Case(
        When(missing, then=Coalesce(F(f"{name}_en"), Value(""))),
        default=Value(""),
        output_field=TextField(),
    )


def text_search(queryset, text, *, fields, language=None, tie_breakers=()):
    """`queryset` narrowed to the rows whose `fields` (translated field names, each with its
    weight: {"headline": "A", "body": "B"}) match `text` in `language` (default: the active
    language). On PostgreSQL the best matches come first, then `tie_breakers`."""
    text = (text or "").strip()
    if not text:
        return queryset
    language = content_language(language) if language else content_language()
    if connection.vendor == "postgresql":
        return _postgresql_search(queryset, text, fields, language, tie_breakers)
    return _word_search(queryset, text, fields, language)


def _postgresql_search(queryset, text, fields, language, tie_breakers):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    configuration = SEARCH_CONFIGURATIONS[language]
    english = SEARCH_CONFIGURATIONS[ORIGINAL_LANGUAGE]
    vectors = []
    for name, weight in fields.items():
        vectors.append(
            SearchVector(Unaccent(translated(name, language)), weight=weight, config=configuration)
        )
        if language != ORIGINAL_LANGUAGE:
            vectors.append(
                SearchVector(Unaccent(untranslated(name, language)), weight=weight, config=english)
            )
    vector = vectors[0]
    for more in vectors[1:]:
        vector = vector + more
    query = SearchQuery(Unaccent(Value(text)), config=configuration, search_type="websearch")
    if language != ORIGINAL_LANGUAGE:
        query = query | SearchQuery(Unaccent(Value(text)), config=english, search_type="websearch")
    # A rank above zero is no match: PostgreSQL gives tiny ranks to documents that match no
    # word of a multi-word query. Rows are kept when the text matches (`@@`).
    return (
        queryset.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
        .filter(search_vector=query)
        .order_by("-search_rank", *tie_breakers)
    )


def _word_search(queryset, text, fields, language):
    """Every word somewhere in the texts shown in `language`, accents and case ignored."""
    aliases = {}
    for name in fields:
        aliases[f"_search_{name}"] = Unaccent(translated(name, language))
        if language != ORIGINAL_LANGUAGE:
            aliases[f"_search_{name}_en"] = Unaccent(untranslated(name, language))
    matches = queryset.alias(**aliases)
    for word in text.split():
        word = strip_accents(word)
        condition = Q()
        for alias in aliases:
            condition |= Q(**{f"{alias}__icontains": word})
        matches = matches.filter(condition)
    return matches
