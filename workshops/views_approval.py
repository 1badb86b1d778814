"""Staff's list of an event's registrations: filters, and approve or decline one by one or in
bulk (the decisions go through the services, which email the participants)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from idm.permissions import is_staff
from workshops import services
from workshops.forms_approval import DecisionForm, RegistrationFilterForm
from workshops.models import Event, Registration


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_registrations(request, slug):
    if not is_staff(request.user):
        raise PermissionDenied(_("Only the IDM secretariat sees an event's registrations."))
    event = get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)
    if request.method == "POST":
        decide(request, event)
        return redirect(request.get_full_path())
    filters = RegistrationFilterForm(request.GET or None)
    registrations = filters.filter(
        event.registrations.select_related("member_state", "nominated_by").order_by(
            "created_at", "pk"
        )
    )
    return render(
        request,
        "workshops/staff/registrations.html",
        {
            "event": event,
            "filters": filters,
            "registrations": registrations,
            "status_counts": status_counts(event),
            "quotas": event.category_quotas.all(),
        },
    )


def decide(request, event):
    form = DecisionForm(request.POST, event=event)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return
    chosen = form.cleaned_data["registrations"]
    if form.cleaned_data["action"] == "approve":
        confirmed, waitlisted = services.approve_registrations(
            registrations=chosen, actor=request.user
        )
        messages.success(
            request,
            _("Approved: %(confirmed)d confirmed, %(waitlisted)d on the waiting list.")
            % {"confirmed": confirmed, "waitlisted": waitlisted},
        )
    else:
        declined = services.decline_registrations(registrations=chosen, actor=request.user)
        messages.success(request, _("Declined: %(count)d.") % {"count": declined})


def status_counts(event):
    """(label, count) of each status the event's registrations have, in the statuses' order."""
    counts = dict(event.registrations.values_list("status").annotate(count=Count("pk")).order_by())
    return [
        (label, counts[value]) for value, label in Registration.Status.choices if value in counts
    ]
