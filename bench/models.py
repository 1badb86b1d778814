from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadMark(models.Model):
    """The scale of the load data in this database (at most one row)."""

    scale = models.FloatField(_("scale"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("load data mark")
        verbose_name_plural = _("load data marks")

    def __str__(self):
        return f"scale {self.scale:g}"
