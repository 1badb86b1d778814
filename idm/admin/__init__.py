"""The back office of the programme core, one module per topic."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from idm.admin import (  # noqa: F401  (registers the model admins)
    emails,
    invitations,
    programme,
    states,
    users,
)

admin.site.site_header = _("IDM Portal back office")
admin.site.site_title = _("IDM Portal")
admin.site.index_title = _("International Dialogue on Migration")
