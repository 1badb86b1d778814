"""Acceptance 5: the PDF list of participants and the badges open, read back with pypdf:
names in protocol order, and on each badge one QR code that decodes to a valid check-in token
of that participant: each page is rendered to an image as a printer would (Debian's
poppler-utils `pdftoppm`, installed by .ci/run) and read with zxing-cpp."""

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from tests.workshops.participants_factories import (
    PROTOCOL_ORDER,
    event_with_participants,
    participant,
)
from workshops.badges import registration_for_token
from workshops.models import Registration

pytestmark = pytest.mark.django_db
Category = Registration.Category
Status = Registration.Status


def pdf_of(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def positions_in(text, names):
    return [text.index(name) for name in names]


def test_list_of_participants_pdf_in_protocol_order_with_event_facts(staff_client):
    event = event_with_participants()
    participant(event, "Hidden Person", Category.NGO, "Caritas", listed_publicly=False)
    reader = pdf_of(staff_client.get(f"/events/{event.slug}/participants.pdf"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "LIST OF PARTICIPANTS" in text.upper()
    assert "Migrants in Crisis" in text
    assert "Palais des Nations, Geneva" in text
    assert "25" in text and "2009" in text
    assert positions_in(text, PROTOCOL_ORDER) == sorted(positions_in(text, PROTOCOL_ORDER))
    headings = ["Member states", "Observer states", "International organizations"]
    assert positions_in(text.upper(), [h.upper() for h in headings]) == sorted(
        positions_in(text.upper(), [h.upper() for h in headings])
    )
    assert "Hidden Person" not in text


def rendered_pages(content):
    """Each page of the PDF as an image (150 dpi), rendered by poppler's pdftoppm."""
    if shutil.which("pdftoppm") is None:
        message = "pdftoppm missing (apt-get install poppler-utils)"
        if os.environ.get("CI") or os.environ.get("IDM_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "badges.pdf"
        pdf.write_bytes(content)
        subprocess.run(
            ["pdftoppm", "-r", "150", "-png", str(pdf), str(Path(folder) / "page")],
            check=True,
            timeout=60,
        )
        return [Image.open(path).copy() for path in sorted(Path(folder).glob("page-*.png"))]


def qr_texts(image):
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_badges_one_per_page_with_a_qr_code_of_a_valid_check_in_token(staff_client):
    event = event_with_participants()
    participant(event, "Waiting Person", Category.NGO, "Oxfam", status=Status.WAITLISTED)
    online = participant(event, "Online Person", Category.NGO, "Oxfam")
    online.participation = Registration.Participation.ONLINE
    online.save()
    response = staff_client.get(f"/events/{event.slug}/badges.pdf")
    reader = pdf_of(response)
    # Everybody confirmed in person gets a badge, consent to the public list or not.
    assert len(reader.pages) == len(PROTOCOL_ORDER)
    images = rendered_pages(response.content)
    assert len(images) == len(reader.pages)
    badge_names = []
    for page, image in zip(reader.pages, images, strict=True):
        codes = qr_texts(image)
        assert len(codes) == 1, codes
        registration = registration_for_token(codes[0], event=event)
        assert registration is not None
        assert registration.name in page.extract_text()
        badge_names.append(registration.name)
    assert badge_names == PROTOCOL_ORDER
    first = reader.pages[0].extract_text()
    assert "Costa Rica" in first and "DELEGATE OF A MEMBER STATE" in first.upper()


def test_pdf_routes_answer_503_page_when_weasyprint_is_missing(staff_client, monkeypatch):
    event = event_with_participants()
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # "import weasyprint" fails
    for route in ("participants.pdf", "badges.pdf"):
        response = staff_client.get(f"/events/{event.slug}/{route}")
        assert response.status_code == 503
        assert "The PDF cannot be made at the moment" in response.content.decode()
        assert "Back to the home page" in response.content.decode()
