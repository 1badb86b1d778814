import pytest
from django.core.management import call_command
from rest_framework.throttling import SimpleRateThrottle

from idm.models import Document
from tests.factories import (
    DelegateFactory,
    DialogueFactory,
    DocumentFactory,
    MemberStateFactory,
    StaffFactory,
)
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


def test_api_root_links_every_collection(api_client):
    response = api_client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["member-states"].endswith("/api/v1/member-states/")
    assert body["dialogues"].endswith("/api/v1/dialogues/")
    assert body["documents"].endswith("/api/v1/documents/")
    assert body["docs"].endswith("/api/docs/")


def test_member_states_list_public_and_filterable(api_client):
    MemberStateFactory(code="PH", iso3="PHL", name="Philippines", region="asia")
    MemberStateFactory(code="GH", iso3="GHA", name="Ghana", region="africa")
    response = api_client.get("/api/v1/member-states/", {"region": "asia"})
    assert response.status_code == 200
    assert [row["code"] for row in response.json()["results"]] == ["PH"]


def test_member_states_search_by_name(api_client):
    MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    MemberStateFactory(code="GH", iso3="GHA", name="Ghana")
    response = api_client.get("/api/v1/member-states/", {"search": "ghan"})
    assert [row["name"] for row in response.json()["results"]] == ["Ghana"]


def test_member_state_detail_by_code(api_client):
    MemberStateFactory(code="PH", iso3="PHL", name="Philippines", sub_region="South-eastern Asia")
    body = api_client.get("/api/v1/member-states/PH/").json()
    assert body == {
        "code": "PH",
        "iso3": "PHL",
        "name": "Philippines",
        "region": "africa",
        "sub_region": "South-eastern Asia",
        "membership": "member",
        "sponsorship_eligible": False,
    }


def test_dialogue_detail_by_year(api_client):
    DialogueFactory(year=2009, theme="Human Rights and Migration")
    body = api_client.get("/api/v1/dialogues/2009/").json()
    assert (body["year"], body["theme"]) == (2009, "Human Rights and Migration")
    assert body["url"].endswith("/api/v1/dialogues/2009/")


def test_documents_filter_by_symbol_year_and_language(api_client):
    DocumentFactory(symbol="IC/2008/6", dialogue=DialogueFactory(year=2008))
    DocumentFactory(symbol="IC/2008/6", language="fr", dialogue=DialogueFactory(year=2008))
    DocumentFactory(symbol="MC/2266", dialogue=DialogueFactory(year=2009))
    rows = api_client.get(
        "/api/v1/documents/", {"symbol": "ic/2008/6", "language": "fr", "year": 2008}
    ).json()["results"]
    assert [(r["symbol"], r["language"], r["dialogue_year"]) for r in rows] == [
        ("IC/2008/6", "fr", 2008)
    ]


def test_documents_invalid_filter_value_gives_400_with_field_error(api_client):
    response = api_client.get("/api/v1/documents/", {"kind": "poem"})
    assert response.status_code == 400
    assert "kind" in response.json()


def test_documents_href_absolute_for_uploaded_file(api_client):
    from django.core.files.base import ContentFile

    DocumentFactory(url="", file=ContentFile(b"text", name="note.txt"))
    row = api_client.get("/api/v1/documents/").json()["results"][0]
    assert row["href"] == f"http://testserver/documents/{row['id']}/file/"


@pytest.mark.parametrize(
    "url", ["/api/v1/member-states/", "/api/v1/dialogues/", "/api/v1/documents/"]
)
def test_public_collections_refuse_writes_anonymous_and_delegate(api_client, url):
    assert api_client.post(url, {}).status_code in (401, 403)
    api_client.force_authenticate(DelegateFactory())
    assert api_client.post(url, {}).status_code == 403


def test_public_collections_read_only_even_for_staff(api_client):
    api_client.force_authenticate(StaffFactory())
    assert api_client.post("/api/v1/dialogues/", {"year": 2010}).status_code == 405


def test_api_page_size_capped(api_client):
    for _ in range(3):
        DocumentFactory()
    body = api_client.get("/api/v1/documents/", {"page_size": 2}).json()
    assert (body["count"], len(body["results"]), body["next"] is not None) == (3, 2, True)


def test_api_anonymous_throttled(api_client, monkeypatch):
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "100/minute"}
    )
    codes = [api_client.get("/api/v1/dialogues/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_api_anonymous_throttle_not_reset_by_a_forged_forwarded_for(api_client, monkeypatch):
    """Without a declared proxy, X-Forwarded-For is the client's own words: DRF counted each
    forged value as a new client, so an anonymous caller escaped the throttle."""
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"anon": "2/minute", "user": "100/minute"}
    )
    codes = [
        api_client.get("/api/v1/dialogues/", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


ROW_MAKERS = {
    "/api/v1/member-states/": lambda i: MemberStateFactory(
        code=f"Q{chr(65 + i)}", iso3=f"Q{chr(65 + i)}X"
    ),
    "/api/v1/dialogues/": lambda i: DialogueFactory(year=2030 + i),
    "/api/v1/documents/": lambda i: DocumentFactory(dialogue=DialogueFactory(year=2030 + i)),
}


@pytest.mark.parametrize("url", ROW_MAKERS)
def test_list_endpoint_same_query_count_for_1_and_20_rows(
    api_client, django_assert_num_queries, url
):
    make_row = ROW_MAKERS[url]
    make_row(0)
    queries_for_one = count_queries(api_client, url)
    for i in range(1, 20):
        make_row(i)
    with django_assert_num_queries(queries_for_one):
        response = api_client.get(url)
    assert response.json()["count"] == 20


def test_openapi_schema_is_valid_openapi_3(tmp_path):
    schema_file = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema_file))
    text = schema_file.read_text()
    assert text.startswith("openapi: 3.")
    assert "/api/v1/documents/" in text


def test_schema_and_docs_served(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in (
        docs.content.decode()
    )


def test_documents_staff_adds_pdf_and_link(api_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    DialogueFactory(year=2009)
    api_client.force_authenticate(StaffFactory())
    upload = SimpleUploadedFile("note.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    response = api_client.post(
        "/api/v1/documents/",
        {
            "symbol": "IC/2009/1",
            "revision": 1,
            "title": "Discussion note",
            "kind": "discussion_note",
            "language": "fr",
            "dialogue_year": 2009,
            "file": upload,
        },
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["full_symbol"], body["language"]) == ("IC/2009/1/Rev.1", "fr")
    assert body["href"] == f"http://testserver/documents/{body['id']}/file/"
    assert Document.objects.get(pk=body["id"]).file.name.endswith(".pdf")


def test_documents_staff_upload_of_wrong_type_400_with_field_error(api_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    DialogueFactory(year=2009)
    api_client.force_authenticate(StaffFactory())
    response = api_client.post(
        "/api/v1/documents/",
        {
            "title": "Tool",
            "kind": "other",
            "dialogue_year": 2009,
            "file": SimpleUploadedFile("tool.exe", b"MZ\x90\x00"),
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "not accepted" in response.json()["file"][0]


def test_documents_filter_by_revision_and_symbol_prefix(api_client):
    dialogue = DialogueFactory(year=2008)
    DocumentFactory(symbol="IC/2008/6", dialogue=dialogue)
    DocumentFactory(symbol="IC/2008/6", revision=1, dialogue=dialogue)
    DocumentFactory(symbol="MC/2266", dialogue=dialogue)
    rows = api_client.get("/api/v1/documents/", {"symbol_prefix": "ic/", "revision": 1}).json()
    assert [r["full_symbol"] for r in rows["results"]] == ["IC/2008/6/Rev.1"]
