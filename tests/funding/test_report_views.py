"""The funding report's page, CSV and XLSX, the donor statement (page and PDF) and the event
report: their figures for staff, and nothing for anybody else (acceptance 4 for exports)."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.factories import DelegateFactory, FocalPointFactory
from tests.funding.report_factories import funded_year

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
