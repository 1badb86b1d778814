"""Pages of the programme core, one module per topic."""

from idm.views.pages import document_file, document_list, favicon, healthz, home, readyz
from idm.views.start import my_tasks

__all__ = ["document_file", "favicon", "document_list", "healthz", "home", "my_tasks", "readyz"]
