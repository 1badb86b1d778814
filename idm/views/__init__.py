"""Pages of the programme core, one module per topic."""

from idm.views.pages import document_list, healthz, home

__all__ = ["document_list", "healthz", "home"]
