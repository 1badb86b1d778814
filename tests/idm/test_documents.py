import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from idm.models import Document
from tests.factories import DialogueFactory, DocumentFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"


def checked(upload, **fields):
    document = DocumentFactory.build(dialogue=DialogueFactory(), url="", file=upload, **fields)
    document.full_clean()
    return document


def test_document_full_symbol_with_revision_and_addendum():
    document = DocumentFactory.build(symbol="IC/2008/6", revision=1, addendum=2)
    assert document.full_symbol == "IC/2008/6/Rev.1/Add.2"
    assert str(DocumentFactory.build(symbol="MC/2266", title="Draft Report")) == (
        "MC/2266 Draft Report"
    )


def test_document_language_versions_grouped_under_one_symbol():
    english = DocumentFactory(symbol="IC/2008/6", language="en")
    french = DocumentFactory(symbol="IC/2008/6", language="fr", dialogue=english.dialogue)
    DocumentFactory(symbol="IC/2008/6", revision=1, language="en", dialogue=english.dialogue)
    versions = Document.objects.language_versions_of(english)
    assert list(versions) == [english, french]


def test_document_same_symbol_language_and_revision_refused_by_database():
    first = DocumentFactory(symbol="IC/2008/6", language="en")
    DocumentFactory(symbol="IC/2008/6", language="en", revision=1, dialogue=first.dialogue)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(symbol="IC/2008/6", language="en", dialogue=first.dialogue)


def test_document_revision_without_symbol_refused_by_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentFactory(symbol="", revision=1)


def test_document_pdf_upload_accepted():
    document = checked(SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf"))
    assert document.file.name == "note.pdf"


def test_document_upload_of_disallowed_type_refused_with_message():
    with pytest.raises(ValidationError) as error:
        checked(SimpleUploadedFile("tool.exe", b"MZ\x90\x00"))
    assert error.value.message_dict["file"] == [
        "Files of type “exe” are not accepted. Allowed types: doc, docx, odt, pdf, ppt, pptx, "
        "rtf, txt, xls, xlsx."
    ]


def test_document_upload_renamed_binary_refused():
    with pytest.raises(ValidationError) as error:
        checked(SimpleUploadedFile("note.pdf", b"MZ\x90\x00 not a pdf"))
    assert error.value.message_dict["file"] == ["The file's content is not a valid PDF file."]


def test_document_upload_binary_text_file_refused():
    with pytest.raises(ValidationError):
        checked(SimpleUploadedFile("note.txt", b"abc\x00\x01"))


def test_document_upload_too_large_refused(settings):
    settings.IDM_DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        checked(SimpleUploadedFile("big.pdf", PDF + b"0" * 2000))
    assert error.value.message_dict["file"] == ["The file is 2.0\xa0KB; the limit is 1.0\xa0KB."]


def test_document_list_groups_language_versions(client):
    english = DocumentFactory(symbol="IC/2008/6", language="en", title="Discussion Note")
    DocumentFactory(
        symbol="IC/2008/6",
        language="fr",
        title="Note de discussion",
        dialogue=english.dialogue,
        url="https://www.iom.int/fr/idm",
    )
    response = client.get("/documents/")
    (versions,) = response.context["page"].object_list
    assert [v.language for v in versions] == ["en", "fr"]
    assert 'href="https://www.iom.int/fr/idm" hreflang="fr"' in response.content.decode()


def test_document_list_filters_symbol_kind_year_language(client):
    DocumentFactory(symbol="IC/2008/6", dialogue=DialogueFactory(year=2008), kind="report")
    DocumentFactory(symbol="IC/2008/7", dialogue=DialogueFactory(year=2008), language="fr")
    DocumentFactory(symbol="MC/2266", dialogue=DialogueFactory(year=2009))
    response = client.get(
        "/documents/", {"symbol": "ic/2008", "year": 2008, "language": "en", "kind": "report"}
    )
    rows = [versions[0].full_symbol for versions in response.context["page"].object_list]
    assert rows == ["IC/2008/6"]


def test_document_list_invalid_filter_shows_message_and_keeps_input(client):
    DocumentFactory(symbol="IC/2008/6")
    response = client.get("/documents/", {"symbol": "IC", "kind": "poem"})
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    assert 'value="IC"' in response.content.decode()
    assert list(response.context["page"].object_list) == []


def test_document_list_same_query_count_for_1_and_20_rows(client, django_assert_num_queries):
    DocumentFactory(dialogue=DialogueFactory(year=2030))
    queries_for_one = count_queries(client, "/documents/")
    for i in range(1, 20):
        DocumentFactory(dialogue=DialogueFactory(year=2030 + i))
    with django_assert_num_queries(queries_for_one):
        response = client.get("/documents/")
    assert response.context["page"].paginator.count == 20


def test_document_files_have_no_direct_media_route_even_in_development(settings):
    """Under make run (DEBUG) /media/ served every file, a forthcoming one too, past the
    document view's access checks."""
    import importlib

    from django.urls import Resolver404, clear_url_caches, resolve

    import idm.urls

    settings.DEBUG = True
    try:
        importlib.reload(idm.urls)
        clear_url_caches()
        with pytest.raises(Resolver404):
            resolve(f"{settings.MEDIA_URL}documents/note.pdf", urlconf=idm.urls)
    finally:
        settings.DEBUG = False
        importlib.reload(idm.urls)
        clear_url_caches()


def versions_with_file_and_link():
    english = DocumentFactory(
        symbol="IC/2008/6",
        language="en",
        title="Discussion Note",
        url="",
        file=SimpleUploadedFile("note.pdf", PDF),
    )
    french = DocumentFactory(
        symbol="IC/2008/6",
        language="fr",
        title="Note de discussion",
        dialogue=english.dialogue,
        url="https://www.iom.int/fr/idm",
    )
    return english, french


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_document_list_title_links_to_file_in_page_language(client, language):
    """Acceptance 13 (mobile): the title is the link to the document (on a phone the language
    column is far down the row); it opens the page's language version when there is one."""
    english, french = versions_with_file_and_link()
    content = client.get("/documents/", headers={"accept-language": language}).content.decode()
    if language == "fr":
        expected = '<a href="https://www.iom.int/fr/idm" hreflang="fr">Note de discussion</a>'
    else:  # no Spanish version: the first readable one, the English file
        expected = f'<a href="/documents/{english.pk}/file/" hreflang="en">Discussion Note</a>'
    assert expected in content


def test_document_list_forthcoming_title_without_link(client):
    """A forthcoming document's uploaded file is not served yet: its title links nowhere."""
    document = DocumentFactory(
        symbol="MC/2266",
        title="Draft Report of the 96th Council",
        status="forthcoming",
        url="",
        file=SimpleUploadedFile("draft.pdf", PDF),
    )
    assert document.href == ""
    content = client.get("/documents/").content.decode()
    assert "Draft Report of the 96th Council" in content
    assert f"/documents/{document.pk}/file/" not in content
    assert "Forthcoming" in content


def test_document_titles_link_on_home_dialogue_and_event_pages(client):
    from tests.workshops.factories import EventFactory

    english, french = versions_with_file_and_link()
    event = EventFactory(dialogue=english.dialogue)
    event.documents.add(english, french)
    pages = ["/", f"/dialogues/{english.dialogue.year}/", event.get_absolute_url()]
    for url in pages:
        content = client.get(url).content.decode()
        assert f'href="/documents/{english.pk}/file/" hreflang="en">Discussion Note</a>' in (
            content
        ), url
        assert 'href="https://www.iom.int/fr/idm" hreflang="fr">Note de discussion</a>' in (
            content
        ), url
