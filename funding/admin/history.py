"""The history pages of the funding admin: who changed what and when, and each changed field
as before → after in words (choices by their label, yes/no, local dates and times, "—" for
empty), through django-simple-history's delta changes."""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


class ReadableChanges(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if isinstance(field, models.ManyToManyField):
            return super().prepare_delta_change_value(change, value) or EMPTY
        if value is None or value == "" or getattr(value, "pk", False) is None:
            return EMPTY  # an empty field, or a foreign key that was empty
        if isinstance(field, models.BooleanField):
            return _("Yes") if value else _("No")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        return value


def year_of(path):
    """A list column "dialogue year" showing `IDM 2009` (the dialogue at `path`)."""

    def column(self, obj):
        dialogue = obj
        for name in path.split("__"):
            dialogue = getattr(dialogue, name)
        return _("IDM %(year)s") % {"year": dialogue.year}

    column.short_description = _lazy("dialogue year")
    column.admin_order_field = f"{path}__year"
    return column


class FundingHistoryAdmin(SimpleHistoryAdmin):
    """A model admin whose history page lists each change's fields, before → after."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)
