"""Pages of the programme core, one module per topic."""

from idm.views.pages import document_file, document_list, favicon, healthz, home, readyz

__all__ = ["document_file", "favicon", "document_list", "healthz", "home", "readyz"]
