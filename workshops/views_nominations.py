"""Focal points nominate people of their state for an event, within the state's limit, and
withdraw their state's registrations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from idm.permissions import is_focal_point_of
from workshops import services
from workshops.forms_approval import NominationForm
from workshops.models import Event, Registration
from workshops.views import attach_errors

WITHDRAWABLE = (
    Registration.Status.PENDING,
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
)


def focal_point_state(user):
    """The state whose focal point `user` is; others are refused."""
    state = user.member_state
    if not is_focal_point_of(user, state):
        raise PermissionDenied(_("Only the focal point of a member state nominates participants."))
    return state


def state_registrations(event, state):
    return (
        event.registrations.filter(member_state=state, category__in=Registration.STATE_CATEGORIES)
        .select_related("nominated_by")
        .order_by("created_at", "pk")
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def nominate(request, slug):
    state = focal_point_state(request.user)
    event = get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)
    is_open = event.registration_is_open()
    form = NominationForm(request.POST if request.method == "POST" else None, state=state)
    if request.method == "POST":
        if not is_open:
            raise PermissionDenied(_("Nominations for this event are closed."))
        if form.is_valid():
            try:
                registration = services.nominate(
                    event=event,
                    actor=request.user,
                    language=translation.get_language() or "en",
                    **form.cleaned_data,
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is nominated (%(status)s).")
                    % {"name": registration.name, "status": registration.get_status_display()},
                )
                return redirect("workshops:nominate", slug=event.slug)
    registrations = state_registrations(event, state)
    in_play = [r for r in registrations if r.status in Registration.COUNTED_IN_LIMITS]
    return render(
        request,
        "workshops/nominations/nominate.html",
        {
            "event": event,
            "state": state,
            "form": form,
            "is_open": is_open,
            "registrations": registrations,
            "places_used": len(in_play),
            "limit_reached": event.per_state_limit is not None
            and len(in_play) >= event.per_state_limit,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, slug, pk):
    """Confirm, then cancel one of the state's registrations (the seat goes to the waiting list)."""
    state = focal_point_state(request.user)
    withdrawable = state_registrations(get_object_or_404(Event, slug=slug), state).filter(
        status__in=WITHDRAWABLE
    )
    registration = get_object_or_404(withdrawable.select_related("event"), pk=pk)
    if request.method == "POST":
        services.cancel_registration(registration=registration, actor=request.user)
        messages.success(request, _("%(name)s is withdrawn.") % {"name": registration.name})
        return redirect("workshops:nominate", slug=slug)
    return render(request, "workshops/nominations/withdraw.html", {"registration": registration})
