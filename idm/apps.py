from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class IdmConfig(AppConfig):
    name = "idm"
    verbose_name = _("Programme core")
    default = True

    def ready(self):
        from django.db.backends.signals import connection_created

        import idm.permissions  # noqa: F401  (registers the idm.* permissions)
        from idm.search import add_sqlite_functions

        connection_created.connect(add_sqlite_functions, dispatch_uid="idm-sqlite-functions")


class IdmAdminConfig(admin_apps.AdminConfig):
    """The Django admin, served by our own site: staff only, and only after two-factor login."""

    default = False
    default_site = "idm.admin_site.IdmAdminSite"
