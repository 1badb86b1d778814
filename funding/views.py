"""Funding pages of part "core": staff confirm an event once it is funded (the button is on
the event page, `funding_tags.event_funding_panel`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from funding import services
from workshops.models import Event


@login_required
@require_POST
def confirm_event(request, slug):
    if not request.user.has_perm("idm.staff"):
        raise PermissionDenied(_("Only the IDM secretariat confirms events."))
    event = get_object_or_404(Event, slug=slug)
    try:
        services.confirm_funded_event(event=event, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The event is confirmed."))
    return redirect(event)
