"""The staff's participants export (CSV and XLSX through idm.exports), in protocol order."""

from django.utils.translation import gettext as _

from idm.exports import local_time
from workshops.participants import all_participants, heading_of, in_protocol_order, is_sponsored


def export_rows(event):
    """Headers, then one row per registration (every status), in protocol order."""
    yield [
        _("State or organization"),
        _("Name"),
        _("Function"),
        _("Organization"),
        _("Category"),
        _("Email address"),
        _("Status"),
        _("Takes part"),
        _("Needs"),
        _("Nominated by"),
        _("Checked in at"),
        _("On the public list"),
        _("Registered"),
        _("Sponsored"),
    ]
    for registration in in_protocol_order(all_participants(event)):
        yield [
            heading_of(registration),
            registration.name,
            registration.function,
            registration.organisation,
            registration.get_category_display(),
            registration.email,
            registration.get_status_display(),
            registration.get_participation_display(),
            registration.needs,
            registration.nominated_by.email if registration.nominated_by else "",
            local_time(registration.checked_in_at),
            _("Yes") if registration.listed_publicly else _("No"),
            local_time(registration.created_at),
            _("Yes") if is_sponsored(registration) else _("No"),
        ]
