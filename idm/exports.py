"""Spreadsheet exports (CSV and XLSX), streamed, and safe to open in Excel.

Every export (survey responses, registrations, funding) hands its rows to `csv_response` or
`xlsx_response`. Cells come from people (answers, names), so a text starting with `=`, `+`,
`-`, `@`, a tab or a carriage return must never run as a formula (OWASP "CSV injection"):
in CSV it gets a leading `'`, which spreadsheets show as text; in XLSX every text cell is
written as a string, never as a formula. Numbers (int, float, Decimal) stay numbers.

An export is written in one language: `?lang=` (en, fr or es; `export_language`), else the
page's. Headers, labels and member-state names ("Mexique" in French) are produced with that
language active while the file streams.
"""

import csv
import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation

from idm.content_languages import content_language

# The characters with which a spreadsheet starts a formula (OWASP CSV injection guidance).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Control characters that an XLSX file cannot hold (openpyxl refuses them).
XLSX_ILLEGAL_CHARACTERS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], "�")

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


LANGUAGE_PARAMETER = "lang"
_END = object()


def export_language(request):
    """The language an export is written in: `?lang=` (en, fr or es), else the page's."""
    return content_language(request.GET.get(LANGUAGE_PARAMETER, "")) or content_language()


def in_language(rows, language):
    """`rows`, each produced with `language` active (the file streams after the view has
    returned, when the request's language may no longer be active)."""
    rows = iter(rows)
    while True:
        with translation.override(language):
            row = next(rows, _END)
        if row is _END:
            return
        yield row


def local_time(moment, zone=None):
    """A moment as a cell: "2009-07-09 14:30" in the portal's time zone, empty for None.
    A long export passes `zone` (timezone.get_current_timezone(), looked up once)."""
    return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M") if moment else ""


def csv_cell(value):
    """A cell's value for CSV: text that a spreadsheet would read as a formula is prefixed
    with `'`; numbers and everything else are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def xlsx_cell(sheet, value):
    """A write-only XLSX cell: text is always a string cell (never a formula, even when it
    starts with `=`), numbers stay numbers."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, bool) or not isinstance(value, str):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=value.translate(XLSX_ILLEGAL_CHARACTERS))
    cell.data_type = "s"  # openpyxl would otherwise make a formula of "=…"
    return cell


class Echo:
    """A file-like object whose write() returns the line: csv.writer for streaming."""

    def write(self, value):
        return value


def csv_lines(rows):
    writer = csv.writer(Echo())
    first = True
    for row in rows:
        line = writer.writerow([csv_cell(value) for value in row])
        yield "\ufeff" + line if first else line  # BOM: Excel reads the accents right
        first = False


def csv_response(rows, *, filename, language=None):
    """`rows` (an iterable of lists, headers first, consumed while streaming) as a CSV file,
    written in `language` (default: the active one)."""
    language = content_language(language) or content_language()
    response = StreamingHttpResponse(
        csv_lines(in_language(rows, language)), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = language
    return response


def xlsx_response(rows, *, filename, sheet_title, language=None):
    """`rows` (headers first) as an XLSX file written in `language` (default: the active one):
    openpyxl's write-only workbook keeps one row in memory at a time; the file is then
    streamed from a temporary file."""
    from openpyxl import Workbook

    language = content_language(language) or content_language()
    workbook = Workbook(write_only=True)
    with translation.override(language):
        sheet = workbook.create_sheet(title=str(sheet_title)[:31])
    for row in in_language(rows, language):
        sheet.append([xlsx_cell(sheet, value) for value in row])
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it)
    workbook.save(handle)
    handle.seek(0)
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
    )
    response["Content-Language"] = language
    return response
