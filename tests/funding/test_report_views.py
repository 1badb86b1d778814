"""The funding report's page, CSV and XLSX, the donor statement (page and PDF) and the event
report: their figures for staff, and nothing for anybody else (acceptance 4 for exports)."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.factories import DelegateFactory, DocumentFactory, FocalPointFactory
from tests.funding.report_factories import funded_year
from workshops.models import Event

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "page": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@pytest.fixture
def year():
    return funded_year()


def routes(year):
    """(url, kind) of every staff route of the reports."""
    return [
        ("/dialogues/2009/funding/", "page"),
        ("/dialogues/2009/funding.csv", "csv"),
        ("/dialogues/2009/funding.xlsx", "xlsx"),
        (f"/contributions/{year.ford.pk}/statement/", "page"),
        (f"/contributions/{year.ford.pk}/statement.pdf", "pdf"),
        (f"/events/{year.trafficking.slug}/report/", "page"),
    ]


SECRETS = ["Ford Foundation", "Switzerland", "46,000", "46000", "Kwame Mensah", "CH-IDM-2009"]


def assert_no_data(response):
    body = response.content.decode("utf-8", "replace")
    for secret in SECRETS:
        assert secret not in body


def test_reports_send_anonymous_visitors_to_log_in(client, year):
    for url, _kind in routes(year):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url
        assert_no_data(response)


@pytest.mark.parametrize("factory", [DelegateFactory, FocalPointFactory])
def test_reports_refuse_delegates_and_focal_points(client, year, factory):
    client.force_login(factory())
    for url, _kind in routes(year):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Only the IDM secretariat can see this page." in response.content.decode()
        assert_no_data(response)


def test_reports_open_to_staff(staff_client, year):
    for url, kind in routes(year):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == CONTENT_TYPES[kind], url


def test_reports_refuse_writes(staff_client, year):
    for url, _kind in routes(year):
        assert staff_client.post(url).status_code == 405, url


@pytest.mark.parametrize(
    "url",
    [
        "/dialogues/1999/funding/",
        "/dialogues/2010/funding.csv",
        "/dialogues/2010/funding.xlsx",
        "/contributions/999999/statement/",
        "/contributions/999999/statement.pdf",
        "/events/no-such-event/report/",
    ],
)
def test_reports_404_for_what_does_not_exist(staff_client, url):
    assert staff_client.get(url).status_code == 404


def csv_rows(response):
    import csv

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def block(rows, title):
    """The rows of one block of the sheet: from its header row to the next empty row."""
    start = next(i for i, row in enumerate(rows) if row and row[0] == title) + 1
    end = next((i for i in range(start, len(rows)) if not any(rows[i])), len(rows))
    return rows[start:end]


def test_report_csv_has_the_allocation_figures(staff_client, year):
    rows = csv_rows(staff_client.get("/dialogues/2009/funding.csv"))
    assert rows[0] == ["IDM 2009 funding report", "Reporting currency", "USD"]
    events = block(rows, "Events")
    header = events[0]
    by_event = {row[0]: dict(zip(header, row, strict=True)) for row in events[1:]}
    trafficking = by_event["Effective Respect for Migrants' Rights: Trafficking"]
    assert trafficking["Budget (USD)"] == "80000.00"
    assert trafficking["Earmarked (USD)"] == "46000.00"
    assert trafficking["Allocated automatically (USD)"] == "34000.00"
    assert trafficking["Funded (USD)"] == "80000.00"
    assert trafficking["Gap (USD)"] == "0.00"
    assert trafficking["Spent on sponsored participants (USD)"] == "5500.00"
    assert trafficking["Funding status"] == "Funded"
    assert trafficking["Percent funded"] == "100"
    assert by_event["Total"]["Budget (USD)"] == "130000.00"
    assert by_event["Total"]["Spent on sponsored participants (USD)"] == "7500.00"

    contributions = block(rows, "Contributions")
    header = contributions[0]
    by_donor = {row[0]: dict(zip(header, row, strict=True)) for row in contributions[1:]}
    assert by_donor["Ford Foundation"]["Amount"] == "30000.00"
    assert by_donor["Ford Foundation"]["Currency"] == "EUR"
    assert by_donor["Ford Foundation"]["Rate to USD"] == "1.31250000"
    assert by_donor["Ford Foundation"]["Amount (USD)"] == "39375.00"
    assert by_donor["Ford Foundation"]["Received on"] == "2009-02-20"
    assert by_donor["Switzerland"]["Earmarked for"] == (
        "Effective Respect for Migrants' Rights: Trafficking"
    )
    assert by_donor["Total"]["Amount (USD)"] == "185375.00"

    year_rows = dict(row[:2] for row in block(rows, "Year")[1:])
    assert year_rows["Unearmarked balance"] == "55375.00"
    assert year_rows["Surplus"] == "55375.00"
    assert year_rows["Gap"] == "0.00"

    regions = block(rows, "Sponsored participants per region")
    assert regions == [
        ["Region", "Approved sponsorships", "Amount (USD)"],
        ["Africa", "1", "3000.00"],
        ["Americas", "1", "2000.00"],
        ["Asia", "1", "2500.00"],
        ["Total", "3", "7500.00"],
    ]


def test_report_xlsx_cells_are_numbers(staff_client, year):
    response = staff_client.get("/dialogues/2009/funding.xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    sheet = workbook["Funding 2009"]
    rows = [
        ["" if value is None else value for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    events = block(rows, "Events")
    header = events[0]
    by_event = {row[0]: dict(zip(header, row, strict=False)) for row in events[1:]}
    assert by_event["Managing Return Migration"]["Budget (USD)"] == 50000
    assert by_event["Managing Return Migration"]["Allocated automatically (USD)"] == 50000
    assert by_event["Managing Return Migration"]["Spent on sponsored participants (USD)"] == 2000
    contributions = block(rows, "Contributions")
    header = contributions[0]
    by_donor = {row[0]: dict(zip(header, row, strict=False)) for row in contributions[1:]}
    assert by_donor["Switzerland"]["Amount"] == 50000
    assert by_donor["Switzerland"]["Currency"] == "CHF"
    assert by_donor["Switzerland"]["Rate to USD"] == pytest.approx(0.92)
    assert by_donor["Switzerland"]["Amount (USD)"] == 46000
    year_rows = {row[0]: row[1] for row in block(rows, "Year")[1:]}
    assert year_rows["Unearmarked balance"] == 55375


def test_report_page_shows_chart_and_tables(staff_client, year):
    body = staff_client.get("/dialogues/2009/funding/").content.decode()
    assert body.count('data-testid="funding-chart-event"') == 2
    assert (
        '<title id="funding-chart-title">IDM 2009: budget, funded and spent per event</title>'
        in body
    )
    assert 'data-testid="unearmarked-balance">55,375.00<' in body
    assert 'data-testid="surplus">55,375.00<' in body
    assert "39,375.00" in body and "30,000.00 EUR" in body
    assert f'href="/contributions/{year.ford.pk}/statement.pdf"' in body
    assert "<script" not in body.split("<main", 1)[1].split("</main>", 1)[0]


def test_dialogue_page_links_staff_to_the_report(staff_client, year):
    client = Client()  # staff_client is pytest-django's `client`, logged in
    assert (
        'href="/dialogues/2009/funding/"' in staff_client.get("/dialogues/2009/").content.decode()
    )
    assert "/dialogues/2009/funding/" not in client.get("/dialogues/2009/").content.decode()
    client.force_login(FocalPointFactory())
    assert "/dialogues/2009/funding/" not in client.get("/dialogues/2009/").content.decode()


def test_event_page_links_staff_to_the_event_report(staff_client, year):
    client = Client()
    url = year.trafficking.get_absolute_url()
    assert 'href="/events/2009-trafficking/report/"' in staff_client.get(url).content.decode()
    assert "/report/" not in client.get(url).content.decode()


def test_statement_pdf_names_the_donor_and_the_amounts(staff_client, year):
    response = staff_client.get(f"/contributions/{year.ford.pk}/statement.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Ford Foundation" in text
    assert "30,000.00 EUR" in text
    assert "39,375.00 USD" in text
    assert "25,904.76" in text and "34,000.00" in text  # Trafficking, in EUR and USD
    assert "4,095.24" in text and "5,375.00" in text  # Return migration
    assert "Managing Return Migration" in text


def test_statement_page_shows_sponsored_participants_by_region(staff_client, year):
    body = staff_client.get(f"/contributions/{year.switzerland.pk}/statement/").content.decode()
    assert "50,000.00 CHF" in body and "46,000.00 USD" in body
    assert "Earmarked for Effective Respect for Migrants&#x27; Rights: Trafficking" in body
    regions = body.split('data-testid="statement-regions"', 1)[1].split("</table>", 1)[0]
    assert '>Africa</th><td class="text-end">1<' in regions
    assert '>Asia</th><td class="text-end">1<' in regions
    assert "Americas" not in regions


def test_statement_pdf_without_weasyprint_answers_503(staff_client, year, monkeypatch):
    import idm.pdf

    def unavailable(html):
        raise idm.pdf.PdfUnavailable("no Pango")

    monkeypatch.setattr(idm.pdf, "html_to_pdf", unavailable)
    response = staff_client.get(f"/contributions/{year.ford.pk}/statement.pdf")
    assert response.status_code == 503


def test_event_report_figures(staff_client, year):
    body = staff_client.get("/events/2009-trafficking/report/").content.decode()
    assert 'data-testid="report-budget">80,000.00<' in body
    assert 'data-testid="report-funded">80,000.00<' in body
    assert 'data-testid="report-gap">0.00<' in body
    assert 'data-testid="report-spent">5,500.00<' in body
    assert "1 of 3 confirmed participants attended." in body
    assert "2 approved sponsorships (5,500.00 USD), 1 attended." in body
    sponsored = body.split('data-testid="report-sponsored"', 1)[1].split("</table>", 1)[0]
    assert "Kwame Mensah" in sponsored and "Maria Santos" in sponsored
    assert "Ama Owusu" not in sponsored  # requested, not approved
    assert "Ford Foundation" in body and "Switzerland" in body  # where the money comes from


def test_huge_contribution_number_is_404_not_500(staff_client):
    lenient = staff_client
    lenient.raise_request_exception = False
    assert lenient.get("/contributions/99999999999999999999/statement.pdf").status_code == 404


def test_statement_of_money_earmarked_to_a_cancelled_event(staff_client, year):
    year.trafficking.status = Event.Status.CANCELLED
    year.trafficking.save()
    body = staff_client.get(f"/contributions/{year.switzerland.pk}/statement/").content.decode()
    lines = body.split('data-testid="statement-lines"', 1)[1].split("</table>", 1)[0]
    assert "Earmarked to an event since cancelled: held until staff move it" in lines
    assert "50,000.00" in lines and "46,000.00" in lines
    assert "No sponsorship has been approved at these events yet." in body


def test_event_report_of_a_cancelled_event_has_no_funding(staff_client, year):
    year.return_migration.status = Event.Status.CANCELLED
    year.return_migration.save()
    body = staff_client.get("/events/2009-return/report/").content.decode()
    assert "A cancelled event is not funded: its money stays with the year." in body
    assert "Luis Quispe" in body
    report = staff_client.get("/dialogues/2009/funding/").content.decode()
    assert report.count('data-testid="event-row"') == 1  # the allocation leaves it out


def test_event_report_shows_documents(staff_client, year):
    document = DocumentFactory(dialogue=year.dialogue, title="Chair's summary of the workshop")
    year.trafficking.documents.add(document)
    body = staff_client.get("/events/2009-trafficking/report/").content.decode()
    assert "Chair&#x27;s summary of the workshop" in body


def test_event_report_renders_the_evaluation_template_surveys_provide(
    staff_client, year, settings, tmp_path, monkeypatch
):
    from funding.templatetags import funding_report_tags

    folder = tmp_path / "templates" / "evaluation-hook"
    folder.mkdir(parents=True)
    (folder / "summary.html").write_text(
        '<section data-testid="evaluation">Evaluation of {{ event.title }}: 4.5 of 5</section>'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]
    monkeypatch.setattr(funding_report_tags, "EVALUATION_TEMPLATE", "evaluation-hook/summary.html")
    body = staff_client.get("/events/2009-trafficking/report/").content.decode()
    assert (
        '<section data-testid="evaluation">Evaluation of Effective Respect for Migrants&#x27; '
        "Rights: Trafficking: 4.5 of 5</section>"
    ) in body


def test_event_report_without_evaluation_template_has_no_evaluation(
    staff_client, year, monkeypatch
):
    from funding.templatetags import funding_report_tags

    monkeypatch.setattr(funding_report_tags, "EVALUATION_TEMPLATE", "surveys/no-such-template.html")
    response = staff_client.get("/events/2009-trafficking/report/")
    assert response.status_code == 200
    assert "evaluation" not in response.content.decode().lower()
