"""PDF documents (list of participants, badges) rendered from HTML templates by WeasyPrint.

WeasyPrint needs Pango, a system library (Debian: libpango-1.0-0, libpangoft2-1.0-0), so it
is imported only when a PDF is made: the portal starts and serves every other page without
it, and a PDF route answers a plain "PDF unavailable" page (503) instead of failing.
"""

import logging

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs are not installed."""


def html_to_pdf(html):
    """The PDF bytes of an HTML document. Its styles are in a <style> element and its images
    are data URIs: WeasyPrint fetches nothing else (no file, no network)."""
    try:
        from weasyprint import HTML, URLFetcher
    except (ImportError, OSError) as error:  # OSError: Pango's shared library is missing
        raise PdfUnavailable(str(error)) from error
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def pdf_response(request, template_name, context, *, filename):
    """Render `template_name` to a PDF shown in the browser (inline), or a 503 page."""
    html = render_to_string(template_name, context, request=request)
    try:
        content = html_to_pdf(html)
    except PdfUnavailable as error:
        logger.error("PDF unavailable: %s", error)
        return render(request, "pdf_unavailable.html", status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
