"""Pages of the programme core, one module per topic."""

from idm.views.pages import healthz, home

__all__ = ["healthz", "home"]
