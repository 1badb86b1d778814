"""Pages of sponsored participation.

- The registrant asks from their registration's page (reached through its unguessable
  reference, like changing or cancelling it: whoever holds the link manages the registration).
- A logged-in registrant or the focal point of their state asks for a registration of the
  event (`funding.request_sponsorship`); the focal point sees their delegation's requests.
- IOM staff (`funding.decide_sponsorship`) list an event's requests against its
  sponsored-participants line and approve (amount in USD), decline or withdraw them.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from funding import services_sponsorship as sponsorships
from funding.allocation import event_funding
from funding.forms_sponsorship import DecisionForm, SponsorshipRequestForm, StatusFilterForm
from funding.models import Sponsorship
from funding.services import is_sponsorship_eligible
from workshops.models import Event, Registration
from workshops.views import attach_errors


def sponsorship_of(registration):
    return Sponsorship.objects.filter(registration=registration).first()


def ask_or_withdraw(request, registration, *, done_url, actor):
    """The request page's logic, whoever asks: GET shows the request (or the form, or why it
    cannot be asked); POST asks or withdraws through the service."""
    sponsorship = sponsorship_of(registration)
    standing = sponsorship is not None and sponsorship.status in sponsorships.STANDING
    form = SponsorshipRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if request.POST.get("action") == "withdraw" and sponsorship is not None:
            try:
                sponsorships.withdraw_sponsorship(sponsorship=sponsorship, actor=actor)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The sponsorship request is withdrawn."))
            return redirect(done_url)
        if form.is_valid():
            try:
                sponsorships.request_sponsorship(
                    registration=registration, actor=actor, **form.cleaned_data
                )
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Sponsorship is requested. The IDM secretariat will decide and email "
                        "%(email)s."
                    )
                    % {"email": registration.email},
                )
                return redirect(done_url)
    refusal = None if standing else sponsorships.sponsorship_refusal(registration)
    return render(
        request,
        "funding/sponsorship/request.html",
        {
            "registration": registration,
            "event": registration.event,
            "sponsorship": sponsorship if standing else None,
            "refusal": refusal,
            "form": form,
            "back_url": done_url,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_by_link(request, reference):
    """The registrant, through the link of their registration."""
    registration = get_object_or_404(
        Registration.objects.select_related("event__dialogue", "member_state"),
        reference=reference,
    )
    actor = request.user if request.user.is_authenticated else None
    return ask_or_withdraw(
        request, registration, done_url=registration.get_absolute_url(), actor=actor
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_for_registration(request, slug, pk):
    """A logged-in registrant, or the focal point of the registrant's state (nominees)."""
    registration = get_object_or_404(
        Registration.objects.select_related("event__dialogue", "member_state"),
        event__slug=slug,
        pk=pk,
    )
    if not request.user.has_perm("funding.request_sponsorship", registration):
        raise PermissionDenied(
            _("Only the participant or the focal point of their state can ask for sponsorship.")
        )
    if request.user.has_perm("idm.focal_point") and registration.user_id != request.user.pk:
        done_url = reverse("funding:delegation-sponsorships", kwargs={"slug": slug})
    else:
        done_url = reverse("workshops:my-registrations")
    return ask_or_withdraw(request, registration, done_url=done_url, actor=request.user)


@login_required
@require_http_methods(["GET", "HEAD"])
def delegation_sponsorships(request, slug):
    """The focal point's view: their state's registrations for the event and their
    sponsorship, with a link to ask for each one that may be sponsored."""
    if not request.user.has_perm("idm.focal_point"):
        raise PermissionDenied(
            _("Only the focal point of a member state asks for sponsorship for its delegation.")
        )
    state = request.user.member_state
    event = get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)
    eligible = is_sponsorship_eligible(member_state=state, dialogue=event.dialogue)
    registrations = list(
        event.registrations.filter(member_state=state, category__in=Registration.STATE_CATEGORIES)
        .select_related("event__dialogue", "member_state", "sponsorship")
        .order_by("created_at", "pk")
    )
    for registration in registrations:
        sponsorship = getattr(registration, "sponsorship", None)
        registration.standing_sponsorship = (
            sponsorship if sponsorship and sponsorship.status in sponsorships.STANDING else None
        )
        registration.refusal = None
        if registration.standing_sponsorship is None:
            registration.refusal = sponsorships.sponsorship_refusal(registration, eligible=eligible)
    return render(
        request,
        "funding/sponsorship/delegation.html",
        {"event": event, "state": state, "eligible": eligible, "registrations": registrations},
    )


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def event_sponsorships(request, slug):
    """Staff's daily work: the event's requests, what its sponsored-participants line holds,
    and a decision form on each row."""
    if not request.user.has_perm("funding.decide_sponsorship"):
        raise PermissionDenied(_("Only the IDM secretariat decides on sponsorship."))
    event = get_object_or_404(Event.objects.select_related("dialogue"), slug=slug)
    failed = None
    if request.method == "POST":
        form = DecisionForm(request.POST, event=event)
        if form.is_valid() and decide(request, form):
            return redirect(request.get_full_path())
        failed = form
    filters = StatusFilterForm(request.GET or None)
    rows = list(
        filters.filter(
            Sponsorship.objects.filter(registration__event=event)
            .select_related("registration__member_state", "requested_by", "decided_by")
            .order_by("requested_at", "pk")
        )
    )
    failed_pk = failed.data.get("sponsorship") if failed is not None else None
    general_errors = []
    if failed is not None:
        shown_on_row = any(str(row.pk) == failed_pk for row in rows)
        for field, errors in failed.errors.items():
            if field != "amount_usd" or not shown_on_row:
                general_errors.extend(errors)
    for row in rows:
        # A refused decision shows again on its row, with what staff typed.
        row.failed = failed if failed_pk == str(row.pk) else None
        typed = row.failed.data if row.failed else {}
        row.typed_amount = typed.get("amount_usd", row.amount_usd if row.amount_usd else "")
        row.typed_note = typed.get("note", "")
    if filters.is_valid() and filters.cleaned_data["status"]:  # rows of one status shown
        counts = dict(
            Sponsorship.objects.filter(registration__event=event)
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
    else:  # every row is shown: counted from them, without a query
        counts = Counter(row.status for row in rows)
    return render(
        request,
        "funding/sponsorship/staff_list.html",
        {
            "event": event,
            "rows": rows,
            "filters": filters,
            "general_errors": general_errors,
            "funding": None if event.status == Event.Status.CANCELLED else event_funding(event),
            "status_counts": [
                (label, counts.get(value, 0))
                for value, label in Sponsorship.Status.choices
                if counts.get(value)
            ],
        },
    )


def decide(request, form):
    """Apply one staff decision; False (with the error on the form) if it is refused."""
    data = form.cleaned_data
    sponsorship = data["sponsorship"]
    name = sponsorship.registration.name
    try:
        if data["action"] == "approve":
            sponsorships.approve_sponsorship(
                sponsorship=sponsorship,
                amount_usd=data["amount_usd"],
                actor=request.user,
                note=data["note"],
            )
            message = _("Sponsorship of %(name)s approved.")
        elif data["action"] == "decline":
            sponsorships.decline_sponsorship(
                sponsorship=sponsorship, actor=request.user, note=data["note"]
            )
            message = _("Sponsorship of %(name)s declined.")
        else:
            sponsorships.withdraw_sponsorship(sponsorship=sponsorship, actor=request.user)
            message = _("Sponsorship of %(name)s withdrawn.")
    except ValidationError as error:
        attach_errors(form, error)
        return False
    messages.success(request, message % {"name": name})
    return True
