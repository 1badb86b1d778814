"""State changes of events and registrations. Admin, pages, the API and commands call these."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from workshops.emails import (
    send_cancellation_email,
    send_lost_links_email,
    send_registration_email,
)
from workshops.models import Event, Registration

DUPLICATE_EMAIL = _("This email address is already registered for this event.")


@transaction.atomic
def save_event(*, event, actor, documents=None):
    """Validate and save an event (new or changed); `documents` replaces its documents."""
    event.full_clean()
    event._history_user = actor
    event.save()
    if documents is not None:
        event.documents.set(documents)
    return event


@transaction.atomic
def set_event_status(*, events, status, actor):
    """Move `events` to `status` (e.g. confirmed once funded, held afterwards)."""
    changed = 0
    locked = Event.objects.select_for_update().filter(pk__in=primary_keys(events))
    for event in locked.exclude(status=status):
        event.status = status
        event._history_user = actor
        event.save(update_fields=["status", "updated_at"])
        changed += 1
    return changed


def register(
    *,
    event,
    name,
    email,
    organisation,
    category,
    function="",
    member_state=None,
    user=None,
    language="en",
    participation=None,
    needs="",
    listed_publicly=False,
    now=None,
    lock=True,
):
    """Register a participant: confirmed while seats remain, else on the waiting list.

    The event row is locked (`select_for_update`) for the whole decision, so parallel
    registrations are counted one after another and never overbook. `lock=False` exists only
    so that a test can show the overbooking the lock prevents.
    """
    with transaction.atomic():
        events = Event.objects.select_for_update() if lock else Event.objects.all()
        event = events.get(pk=event.pk)
        if not event.registration_is_open(now):
            raise ValidationError(_("Registration for this event is closed."), code="closed")
        email = email.strip().lower()
        if event.registrations.active().filter(email__iexact=email).exists():
            raise ValidationError({"email": DUPLICATE_EMAIL}, code="duplicate")
        registration = Registration(
            event=event,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            function=function.strip(),
            category=category,
            member_state=member_state,
            user=user if user is not None and user.is_authenticated else None,
            language=language,
            participation=participation_for(event, participation),
            needs=needs.strip(),
            listed_publicly=listed_publicly,
            status=status_for_new_registration(event),
        )
        registration.full_clean()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:
            raise ValidationError({"email": DUPLICATE_EMAIL}, code="duplicate") from error
        send_registration_email(registration)
    return registration


def participation_for(event, choice=None):
    """How a participant takes part: their choice at a hybrid event (in person unless they
    chose online), online at an online event, in person otherwise."""
    if event.format == Event.Format.ONLINE:
        return Registration.Participation.ONLINE
    if event.format == Event.Format.HYBRID and choice == Registration.Participation.ONLINE:
        return Registration.Participation.ONLINE
    return Registration.Participation.IN_PERSON


@transaction.atomic
def change_registration(*, registration, function, organisation, needs, actor=None):
    """The participant changes what they may change (function, organisation, needs)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        raise ValidationError(_("This registration is cancelled."), code="cancelled")
    registration.function = function.strip()
    registration.organisation = organisation.strip()
    registration.needs = needs.strip()
    registration.full_clean()
    registration._history_user = actor
    registration.save(update_fields=["function", "organisation", "needs", "updated_at"])
    return registration


def send_lost_links(*, email):
    """Email the links of every registration made with `email` (none: nothing is sent, and
    the caller answers the same either way). Returns the number of emails sent (0 or 1)."""
    registrations = (
        Registration.objects.filter(email__iexact=email.strip())
        .select_related("event", "user")
        .order_by("created_at", "pk")
    )
    if not registrations:
        return 0
    send_lost_links_email(email.strip().lower(), registrations)
    return 1


def status_for_new_registration(event):
    if event.capacity is None:
        return Registration.Status.CONFIRMED
    seats_taken = event.registrations.holding_seats().count()
    if seats_taken < event.capacity:
        return Registration.Status.CONFIRMED
    return Registration.Status.WAITLISTED


@transaction.atomic
def cancel_registration(*, registration, actor=None, notify=True):
    """Cancel a registration; a freed seat goes to the first person on the waiting list.
    The participant is told by email unless `notify` is false (a caller that sends its own)."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return None
    freed_seat = registration.status in Registration.SEAT_HOLDING
    _set_status(registration, Registration.Status.CANCELLED, actor)
    if notify:
        send_cancellation_email(registration)
    if freed_seat:
        return promote_from_waiting_list(event=event, actor=actor)
    return None


def promote_from_waiting_list(*, event, actor=None):
    """Confirm the earliest waitlisted registration if a seat is free (event row locked)."""
    if event.capacity is not None and event.registrations.holding_seats().count() >= (
        event.capacity
    ):
        return None
    waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).first()
    if waiting is None:
        return None
    _set_status(waiting, Registration.Status.CONFIRMED, actor)
    send_registration_email(waiting)
    return waiting


@transaction.atomic
def set_registration_status(*, registrations, status, actor):
    """Staff decisions on registrations (confirm, waitlist, mark attended, cancel)."""
    registrations = Registration.objects.filter(pk__in=primary_keys(registrations))
    if status == Registration.Status.CANCELLED:
        cancelled = 0
        for registration in registrations.exclude(status=status):
            cancel_registration(registration=registration, actor=actor)
            cancelled += 1
        return cancelled
    changed = 0
    for registration in registrations.select_for_update().exclude(status=status):
        _set_status(registration, status, actor)
        changed += 1
    return changed


def primary_keys(queryset):
    """The rows' keys, so that locking works whatever the caller annotated (admin counts)."""
    return list(queryset.values_list("pk", flat=True))


def _set_status(registration, status, actor):
    registration.status = status
    registration._history_user = actor
    registration.save(update_fields=["status", "updated_at"])
