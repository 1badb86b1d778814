from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdmConfig(AppConfig):
    name = "idm"
    verbose_name = _("Programme core")
