"""Document files upload, download and deletion: the same tests on the local filesystem and on
an S3 bucket behind a real S3 API (moto server on 127.0.0.1)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from idm import services
from idm.models import Document
from tests.factories import DialogueFactory, DocumentFactory, StaffFactory
from tests.idm.storages import FilesystemStore, S3Store, start_s3_server

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\nIDM 2009\n"
OTHER_PDF = b"%PDF-1.7\nsecond edition\n"


@pytest.fixture(scope="session")
def s3_endpoint():
    server, endpoint_url = start_s3_server()
    yield endpoint_url
    server.stop()


@pytest.fixture(params=["filesystem", "s3"])
def store(request, settings):
    """Where the portal keeps document files for this test: STORAGES["default"] points there."""
    if request.param == "s3":
        chosen = S3Store(request.getfixturevalue("s3_endpoint"))
    else:
        chosen = FilesystemStore()
    chosen.configure(settings)
    return chosen


def stored_document(**fields):
    """A published document whose PDF is in the storage."""
    return DocumentFactory(url="", file=ContentFile(PDF, name="note.pdf"), **fields)


def test_document_upload_through_api_stored(store, api_client):
    DialogueFactory(year=2009)
    api_client.force_authenticate(StaffFactory())
    response = api_client.post(
        "/api/v1/documents/",
        {
            "symbol": "IC/2009/1",
            "title": "Discussion note",
            "kind": "discussion_note",
            "dialogue_year": 2009,
            "file": SimpleUploadedFile("note.pdf", PDF, content_type="application/pdf"),
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    name = Document.objects.get(pk=response.json()["id"]).file.name
    assert name.startswith("documents/") and name.endswith(".pdf")
    assert store.content(name) == PDF


def test_document_upload_through_admin_stored(store, staff_client):
    dialogue = DialogueFactory(year=2009)
    response = staff_client.post(
        "/admin/idm/document/add/",
        {
            "symbol": "IC/2009/2",
            "revision": 0,
            "addendum": 0,
            "title_en": "Background paper",
            "kind": "background_paper",
            "language": "en",
            "status": "published",
            "dialogue": dialogue.pk,
            "file": SimpleUploadedFile("paper.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get(symbol="IC/2009/2")
    assert store.content(document.file.name) == PDF


def test_document_same_file_name_twice_keeps_both_files(store):
    first = stored_document()
    second = DocumentFactory(url="", file=ContentFile(OTHER_PDF, name="note.pdf"))
    assert first.file.name != second.file.name
    assert (store.content(first.file.name), store.content(second.file.name)) == (PDF, OTHER_PDF)


def test_document_download_anonymous_streams_file_with_headers(store, client):
    document = stored_document()
    response = client.get(f"/documents/{document.pk}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="note.pdf"'
    assert response["Content-Length"] == str(len(PDF))
    assert response["X-Content-Type-Options"] == "nosniff"


def test_document_download_forthcoming_not_served(store, client):
    document = stored_document(status="forthcoming")
    assert store.holds(document.file.name)
    assert client.get(f"/documents/{document.pk}/file/").status_code == 404


def test_document_download_file_missing_from_storage_404(store, client):
    document = stored_document()
    store.remove(document.file.name)
    response = client.get(f"/documents/{document.pk}/file/")
    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]


def test_document_edited_while_its_file_is_missing_from_storage(store, api_client):
    """Staff can still correct the title (or upload the file again) of a document whose file
    is gone: the stored file is not read again to validate an unrelated change."""
    document = stored_document()
    store.remove(document.file.name)
    api_client.force_authenticate(StaffFactory())
    response = api_client.patch(
        f"/api/v1/documents/{document.pk}/", {"title": "Corrected"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert Document.objects.get(pk=document.pk).title == "Corrected"


def test_document_deleted_in_admin_removes_file(
    store, staff_client, django_capture_on_commit_callbacks
):
    document = stored_document()
    name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/idm/document/{document.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not store.holds(name)


def test_documents_deleted_by_admin_action_remove_files(
    store, staff_client, django_capture_on_commit_callbacks
):
    documents = [stored_document(), stored_document()]
    kept = stored_document()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/idm/document/",
            {
                "action": "delete_selected",
                "_selected_action": [document.pk for document in documents],
                "post": "yes",
            },
        )
    assert response.status_code == 302
    assert [store.holds(document.file.name) for document in documents] == [False, False]
    assert store.holds(kept.file.name)


def test_document_deleted_in_dialogue_inline_removes_file(
    store, staff_client, django_capture_on_commit_callbacks
):
    document = stored_document()
    url = f"/admin/idm/dialogue/{document.dialogue.pk}/change/"
    data = admin_change_form_data(staff_client.get(url))
    data["documents-0-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    assert not Document.objects.filter(pk=document.pk).exists()
    assert not store.holds(document.file.name)


def test_document_file_replaced_through_api_removes_old_file(
    store, api_client, django_capture_on_commit_callbacks
):
    document = stored_document()
    old_name = document.file.name
    api_client.force_authenticate(StaffFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.patch(
            f"/api/v1/documents/{document.pk}/",
            {"file": SimpleUploadedFile("note.pdf", OTHER_PDF)},
            format="multipart",
        )
    assert response.status_code == 200, response.json()
    new_name = Document.objects.get(pk=document.pk).file.name
    assert new_name != old_name
    assert (store.holds(old_name), store.content(new_name)) == (False, OTHER_PDF)
    assert b"".join(api_client.get(f"/documents/{document.pk}/file/").streaming_content) == (
        OTHER_PDF
    )


def test_document_deletion_rolled_back_keeps_file(store, django_capture_on_commit_callbacks):
    document = stored_document()
    pk, name = document.pk, document.file.name
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.delete_document(document=document, actor=StaffFactory())
        transaction.set_rollback(True)
    assert Document.objects.filter(pk=pk).exists()
    assert store.content(name) == PDF


def test_document_file_shared_with_another_document_kept_on_delete(
    store, django_capture_on_commit_callbacks
):
    document = stored_document()
    other = DocumentFactory(url="", file=document.file.name, dialogue=document.dialogue)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_document(document=document, actor=StaffFactory())
    assert store.content(other.file.name) == PDF


def test_s3_document_objects_are_private(s3_endpoint, settings):
    """Nothing on the bucket is readable without its keys: the owner is the only grantee."""
    store = S3Store(s3_endpoint)
    store.configure(settings)
    document = stored_document()
    acl = store.client.get_object_acl(Bucket=store.bucket, Key=document.file.name)
    grants = [(grant["Grantee"].get("ID"), grant["Permission"]) for grant in acl["Grants"]]
    assert grants == [(acl["Owner"]["ID"], "FULL_CONTROL")]


def admin_change_form_data(response):
    """The POST body the admin change page's forms (main form and inlines) would send."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.extend(formset.forms)
        management = formset.management_form
        for field in management:
            data[field.html_name] = field.value()
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or field.widget_type.endswith("file"):
                continue
            if field.widget_type == "checkbox":
                if value:
                    data[field.html_name] = "on"
                continue
            data[field.html_name] = value
    return data
