"""The acronym follows the language: IDM in English, DIM (Dialogue international sur la
migration, Diálogo Internacional sobre la Migración) in French and Spanish: in the catalogues,
page titles, the dialogue's name and emails. Document symbols and data are not translated."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from idm.emails import build_email
from tests.factories import DialogueFactory
from tests.principles.factories import PrincipleSetFactory
from tests.workshops.factories import EventFactory

ROOT = Path(__file__).resolve().parent.parent


def translations(language):
    for path in ROOT.glob(f"**/locale/{language}/LC_MESSAGES/django.po"):
        if ".venv" in path.parts:
            continue
        for entry in polib.pofile(str(path)):
            texts = entry.msgstr_plural.values() if entry.msgstr_plural else [entry.msgstr]
            yield entry.msgid, list(texts)


@pytest.mark.parametrize("language", ["fr", "es"])
def test_acronym_catalogues_say_dim_never_idm(language):
    checked = 0
    for msgid, texts in translations(language):
        for text in texts:
            assert "IDM" not in text, (msgid, text)
            if "IDM" in msgid and text:
                assert "DIM" in text, (msgid, text)
                checked += 1
    assert checked >= 20


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "year"),
    [
        ("en", "IDM Portal", "IDM 2009"),
        ("fr", "Portail du DIM", "DIM 2009"),
        ("es", "Portal del DIM", "DIM 2009"),
    ],
)
def test_acronym_event_page_title_brand_and_breadcrumb(client, language, title, year):
    EventFactory(slug="trafficking", title="Trafficking in persons")
    client.cookies["django_language"] = language
    content = client.get("/events/trafficking/").content.decode()
    assert f'class="navbar-brand" href="/">{title}</a>' in content
    assert f">{year}</a></li>" in content  # breadcrumb to the dialogue year
    if language != "en":
        assert "IDM" not in content.split("<main")[0]  # head and navigation


@pytest.mark.django_db
def test_acronym_dialogue_and_principle_set_names():
    dialogue = DialogueFactory(year=2009, theme="Human Rights and Migration")
    principle_set = PrincipleSetFactory(dialogue=dialogue, title="Key principles")
    assert str(dialogue) == "IDM 2009: Human Rights and Migration"
    with translation.override("fr"):
        assert str(dialogue) == "DIM 2009 : Human Rights and Migration"
        assert str(principle_set) == "Key principles (DIM 2009)"
    with translation.override("es"):
        assert str(dialogue) == "DIM 2009: Human Rights and Migration"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "sender", "subject", "signature"),
    [
        (
            "en",
            "IDM Portal <idm@iom.int>",
            "IDM Portal: reset your password",
            "The IDM secretariat",
        ),
        (
            "fr",
            "Portail du DIM <idm@iom.int>",
            "Portail du DIM : réinitialisez",
            "Le secrétariat du DIM",
        ),
        (
            "es",
            "Portal del DIM <idm@iom.int>",
            "Portal del DIM: restablezca",
            "La secretaría del DIM",
        ),
    ],
)
def test_acronym_email_sender_subject_and_signature(language, sender, subject, signature):
    message = build_email(
        to="someone@example.org",
        subject_template="registration/password_reset_subject.txt",
        text_template="registration/password_reset_email.txt",
        context={"email": "someone@example.org", "reset_url": "http://testserver/reset/x/"},
        language=language,
    )
    assert message.from_email == sender
    assert message.subject.startswith(subject)
    assert signature in message.body


@pytest.mark.django_db
def test_acronym_custom_sender_name_kept(settings):
    settings.DEFAULT_FROM_EMAIL = "IOM Geneva <idm@iom.int>"
    message = build_email(
        to="someone@example.org",
        subject_template="registration/password_reset_subject.txt",
        text_template="registration/password_reset_email.txt",
        context={"email": "someone@example.org", "reset_url": "http://testserver/reset/x/"},
        language="fr",
    )
    assert message.from_email == "IOM Geneva <idm@iom.int>"
