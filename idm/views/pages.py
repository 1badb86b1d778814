from itertools import groupby

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from idm.forms import DocumentFilterForm
from idm.health import FAILING, database_is_reachable, readiness
from idm.models import Dialogue, Document
from idm.page_cache import cached_public_page

DOCUMENT_EDITIONS_PER_PAGE = 25


class Edition(list):
    """One row of the symbol register: the language versions of a document."""

    def __init__(self, versions, language):
        super().__init__(versions)
        self.language = language

    @property
    def main(self):
        """The version whose title the row shows and links to: the page's language if that
        version can be read, else the first version that can, else the first."""
        readable = [version for version in self if version.href]
        preferred = [version for version in readable if version.language == self.language]
        return (preferred or readable or self)[0]


@require_safe
@cached_public_page
def home(request):
    dialogue = Dialogue.objects.current()
    documents = dialogue.documents.order_by("symbol", "title") if dialogue else []
    return render(request, "idm/home.html", {"dialogue": dialogue, "documents": documents})


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that do not name an icon (the admin)."""
    return redirect(static("idm/favicon.svg"), permanent=True)


@require_safe
def document_file(request, pk):
    """The uploaded file of a published document, streamed from the storage (the local
    filesystem or an S3 bucket) by the application: the access rules are checked on every
    download and the response carries the portal's own headers, while the files stay private
    (no public media directory, no public bucket, no signed URL that outlives the check)."""
    document = get_object_or_404(Document.objects.exclude(file=""), pk=pk, status="published")
    try:
        handle = document.file.storage.open(document.file.name, "rb")
    except FileNotFoundError as missing:
        raise Http404("The file of this document is missing.") from missing
    return FileResponse(handle, filename=document.file.name.rsplit("/", 1)[-1])


@require_safe
@cached_public_page
def document_list(request):
    """The symbol register: one entry per document, its language versions side by side."""
    years = Dialogue.objects.order_by("-year").values_list("year", flat=True)
    form = DocumentFilterForm(request.GET or None, years=list(years))
    documents = Document.objects.select_related("dialogue")
    if form.is_bound:
        documents = form.filter(documents)
    language = (get_language() or "en")[:2]
    editions = [
        Edition(versions, language)
        for _key, versions in groupby(documents, Document.edition_key.fget)
    ]
    page = Paginator(editions, DOCUMENT_EDITIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "idm/document_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, else 503."""
    if database_is_reachable():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "error", "database": "unreachable"}, status=503)


@never_cache
@require_safe
def readyz(request):
    """For orchestrators: 200 when every readiness check passes (idm/health.py), else 503
    naming the check that failed."""
    checks = readiness()
    ready = FAILING not in checks.values()  # "skipped": not applicable, or after the database
    return JsonResponse(
        {"status": "ok" if ready else "error", "checks": checks}, status=200 if ready else 503
    )
