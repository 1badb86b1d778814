"""The list of participants (public and staff), its PDF and exports, badges, and check-in.

The order of every list comes from workshops.participants (protocol order); the public page
shows confirmed participants who agreed to appear on it, everything else is for IOM staff.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from idm import exports
from idm.page_cache import cached_public_page
from idm.pdf import pdf_response
from idm.permissions import is_staff
from workshops import services
from workshops.badges import badge_of, registration_for_token
from workshops.models import Event, Registration
from workshops.participants import (
    PUBLIC_STATUSES,
    all_participants,
    attendance_counts,
    in_protocol_order,
    protocol_list,
    public_participants,
)
from workshops.participants_export import export_rows

SEARCH_RESULTS = 20


def event_or_404(slug):
    return get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)


def staff_only(view):
    """Staff pages: anonymous visitors are sent to log in, everybody else is refused."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_staff(request.user):
            raise PermissionDenied(_("Only the IDM secretariat can see this page."))
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
@cached_public_page
def participant_list(request, slug):
    event = event_or_404(slug)
    groups = protocol_list(public_participants(event))
    return render(
        request,
        "workshops/participants/public_list.html",
        {"event": event, "groups": groups, "may_see_staff_list": is_staff(request.user)},
    )


@require_safe
@staff_only
def staff_participant_list(request, slug):
    event = event_or_404(slug)
    groups = protocol_list(all_participants(event))
    return render(
        request,
        "workshops/participants/staff_list.html",
        {"event": event, "groups": groups, "attendance": attendance_counts(event)},
    )


@require_safe
@staff_only
def participants_pdf(request, slug):
    """The printable list: the public list's participants, grouped as on the page."""
    event = event_or_404(slug)
    groups = protocol_list(public_participants(event))
    return pdf_response(
        request,
        "workshops/participants/list_pdf.html",
        {"event": event, "groups": groups, "printed_at": timezone.localtime()},
        filename=f"{event.slug}-participants.pdf",
    )


@require_safe
@staff_only
def participants_csv(request, slug):
    event = event_or_404(slug)
    return exports.csv_response(
        export_rows(event),
        filename=f"{event.slug}-participants.csv",
        language=exports.export_language(request),
    )


@require_safe
@staff_only
def participants_xlsx(request, slug):
    event = event_or_404(slug)
    return exports.xlsx_response(
        export_rows(event),
        filename=f"{event.slug}-participants.xlsx",
        sheet_title=gettext_lazy("Participants"),
        language=exports.export_language(request),
    )


@require_safe
@staff_only
def badges_pdf(request, slug):
    """One A6 badge per page for everybody expected in the room, in protocol order."""
    event = event_or_404(slug)
    expected = event.registrations.filter(
        status__in=PUBLIC_STATUSES, participation=Registration.Participation.IN_PERSON
    ).select_related("sponsorship")
    badges = [badge_of(registration) for registration in in_protocol_order(expected)]
    return pdf_response(
        request,
        "workshops/participants/badges_pdf.html",
        {"event": event, "badges": badges},
        filename=f"{event.slug}-badges.pdf",
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_only
def check_in(request, slug):
    """The door: scan a badge (camera), type its code or number, or search a name."""
    event = event_or_404(slug)
    if request.method == "POST":
        registration = registration_from_post(request, event)
        if registration is None:
            messages.error(request, _("No participant of this event has this code."))
        else:
            check_in_and_tell(request, registration)
        return redirect("workshops:check-in", slug=event.slug)
    query = request.GET.get("q", "").strip()
    matches = []
    if query:
        matches = (
            event.registrations.filter(name__icontains=query)
            .exclude(status=Registration.Status.CANCELLED)
            .select_related("member_state")
            .order_by("name", "pk")[:SEARCH_RESULTS]
        )
    counts = event.registrations.aggregate(
        expected=Count("pk", filter=Q(status__in=PUBLIC_STATUSES)),
        attended=Count("pk", filter=Q(status=Registration.Status.ATTENDED)),
    )
    return render(
        request,
        "workshops/participants/check_in.html",
        {"event": event, "query": query, "matches": matches, "counts": counts},
    )


def registration_from_post(request, event):
    """The registration a staff member chose: a search result, a badge number or a token."""
    chosen = request.POST.get("registration", "").strip()
    code = request.POST.get("code", "").strip()
    number = chosen or (code if code.isdigit() else "")
    if number:
        if not number.isdigit():
            return None
        return event.registrations.filter(pk=int(number)).first()
    if not code:
        return None
    return registration_for_token(code, event=event)


def check_in_and_tell(request, registration):
    try:
        services.check_in(registration=registration, by=request.user)
    except services.AlreadyCheckedIn as already:
        at = timezone.localtime(already.registration.checked_in_at).strftime("%H:%M")
        messages.warning(
            request,
            _("%(name)s is already checked in at %(time)s.")
            % {"name": registration.name, "time": at},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Checked in: %(name)s.") % {"name": registration.name})
