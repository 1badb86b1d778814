"""State changes of events and registrations. Admin, pages, the API and commands call these."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from idm.models import MemberState
from idm.page_cache import content_changed
from workshops.emails import (
    send_cancellation_email,
    send_lost_links_email,
    send_registration_declined_email,
    send_registration_email,
    send_registration_received_email,
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
    content_changed()
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
    if changed:
        content_changed()
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
    nominated_by=None,
    language="en",
    participation=None,
    needs="",
    listed_publicly=False,
    now=None,
    lock=True,
):
    """Register a participant: pending where staff approve registrations, else confirmed
    while seats remain and on the waiting list after. A full category quota or state limit
    refuses the registration (ValidationError): the waiting list is for seats only.

    The event row is locked (`select_for_update`) for the whole decision, so parallel
    registrations are counted one after another and never overbook, exceed a quota or a
    state's limit. `lock=False` exists only so that a test can show what the lock prevents.
    """
    with transaction.atomic():
        events = Event.objects.select_for_update() if lock else Event.objects.all()
        event = events.get(pk=event.pk)
        if not event.registration_is_open(now):
            raise ValidationError(_("Registration for this event is closed."), code="closed")
        email = email.strip().lower()
        if event.registrations.active().filter(email__iexact=email).exists():
            raise ValidationError({"email": DUPLICATE_EMAIL}, code="duplicate")
        check_limits(event=event, category=category, member_state=member_state)
        registration = Registration(
            event=event,
            name=name.strip(),
            email=email,
            organisation=organisation.strip(),
            function=function.strip(),
            category=category,
            member_state=member_state,
            user=user if user is not None and user.is_authenticated else None,
            nominated_by=nominated_by,
            language=language,
            participation=participation_for(event, participation),
            needs=needs.strip(),
            listed_publicly=listed_publicly,
            status=status_for_new_registration(event),
        )
        registration._history_user = nominated_by
        registration.full_clean()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as error:
            raise ValidationError({"email": DUPLICATE_EMAIL}, code="duplicate") from error
        content_changed()  # seats left on the event's pages
        if registration.status == Registration.Status.PENDING:
            send_registration_received_email(registration)
        else:
            send_registration_email(registration)
    return registration


def check_limits(*, event, category, member_state):
    """Refuse a registration beyond the state's limit or the category's quota (event locked).

    Every registration still in play counts, pending and waitlisted ones included."""
    counted = event.registrations.counted_in_limits()
    if (
        event.per_state_limit is not None
        and member_state is not None
        and category in Registration.STATE_CATEGORIES
    ):
        state = member_state
        if not isinstance(state, MemberState):
            state = MemberState.objects.get(pk=state)
        delegates = counted.filter(category__in=Registration.STATE_CATEGORIES, member_state=state)
        if delegates.count() >= event.per_state_limit:
            raise ValidationError(
                gettext("%(state)s has reached its limit of %(limit)d participants for this event.")
                % {"state": state.display_name, "limit": event.per_state_limit},
                code="state_limit",
            )
    quota = event.category_quotas.filter(category=category).first()
    if quota is not None and counted.filter(category=category).count() >= quota.seats:
        raise ValidationError(
            gettext("All %(seats)d seats for the category “%(category)s” are taken at this event.")
            % {"seats": quota.seats, "category": quota.get_category_display()},
            code="category_quota",
        )


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
    content_changed()  # the organisation on the list of participants
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
    if event.requires_approval:
        return Registration.Status.PENDING
    return seat_or_waiting_list(event)


def seat_or_waiting_list(event):
    """Confirmed while the (locked) event has a free seat, else the waiting list."""
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


def approve_registrations(*, registrations, actor):
    """Staff approve pending registrations, earliest first: confirmed while seats remain, the
    rest on the waiting list in the order they registered. Each participant is emailed.
    Returns how many were confirmed and how many waitlisted."""
    outcome = {Registration.Status.CONFIRMED: 0, Registration.Status.WAITLISTED: 0}
    with transaction.atomic():
        for event, decided in _locked_by_event(registrations, [Registration.Status.PENDING]):
            for registration in decided:
                status = seat_or_waiting_list(event)
                _set_status(registration, status, actor)
                send_registration_email(registration)
                outcome[status] += 1
    return outcome[Registration.Status.CONFIRMED], outcome[Registration.Status.WAITLISTED]


def decline_registrations(*, registrations, actor):
    """Staff decline registrations (pending, waitlisted or confirmed); each participant is
    emailed, and a seat that frees goes to the first person on the waiting list."""
    declined = 0
    with transaction.atomic():
        for event, decided in _locked_by_event(registrations, Registration.DECIDABLE):
            freed_seats = 0
            for registration in decided:
                freed_seats += registration.status in Registration.SEAT_HOLDING
                _set_status(registration, Registration.Status.DECLINED, actor)
                send_registration_declined_email(registration)
                declined += 1
            for _seat in range(freed_seats):
                promote_from_waiting_list(event=event, actor=actor)
    return declined


def _locked_by_event(registrations, statuses):
    """(event, its registrations among `registrations` in `statuses`), each event row and
    registration locked, events in key order (no deadlock between two staff), registrations
    in the order they registered."""
    keys = primary_keys(registrations)
    event_keys = Registration.objects.filter(pk__in=keys).values_list("event_id", flat=True)
    for event_key in sorted(set(event_keys)):
        event = Event.objects.select_for_update().get(pk=event_key)
        decided = (
            Registration.objects.select_for_update(of=("self",))
            .filter(event=event, pk__in=keys, status__in=statuses)
            .select_related("event", "user")
            .order_by("created_at", "pk")
        )
        yield event, list(decided)


def nominate(
    *,
    event,
    actor,
    organisation,
    name="",
    email="",
    function="",
    delegate=None,
    language="en",
    lock=True,
):
    """A focal point puts a person of their state forward: an existing delegate (`delegate`)
    or a new name with email. The registration records who nominated; it counts against
    the state's limit like any other."""
    state = actor.member_state
    if delegate is not None:
        name, email = delegate.get_full_name() or delegate.email, delegate.email
    observer = state.membership == MemberState.Membership.OBSERVER
    return register(
        event=event,
        name=name,
        email=email,
        organisation=organisation,
        function=function,
        category=(
            Registration.Category.OBSERVER_STATE if observer else Registration.Category.MEMBER_STATE
        ),
        member_state=state,
        user=delegate,
        nominated_by=actor,
        language=language,
        lock=lock,
    )


def primary_keys(rows):
    """The keys of a queryset (so that locking works whatever the caller annotated, e.g. the
    admin's counts) or of a list of objects."""
    if isinstance(rows, QuerySet):
        return list(rows.values_list("pk", flat=True))
    return [row.pk for row in rows]


def _set_status(registration, status, actor):
    """Every change of a registration's status (seats left, the list of participants)."""
    registration.status = status
    registration._history_user = actor
    registration.save(update_fields=["status", "updated_at"])
    content_changed()


class AlreadyCheckedIn(Exception):
    """The participant was checked in before; `registration.checked_in_at` says when."""

    def __init__(self, registration):
        super().__init__(registration.checked_in_at)
        self.registration = registration


CHECK_IN_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.ATTENDED)


@transaction.atomic
def check_in(*, registration, by, now=None):
    """Mark a confirmed participant as attended at the door (who checked them in, when).

    The registration row is locked, so two scanners at two doors check a person in once: the
    second one gets AlreadyCheckedIn with the first time. Only confirmed participants come
    in; a pending, waitlisted or cancelled registration is refused with a ValidationError.
    """
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.checked_in_at is not None:
        raise AlreadyCheckedIn(registration)
    if registration.status not in CHECK_IN_STATUSES:
        raise ValidationError(
            _("%(name)s is not a confirmed participant (%(status)s).")
            % {"name": registration.name, "status": registration.get_status_display()},
            code="not_confirmed",
        )
    registration.status = Registration.Status.ATTENDED
    registration.checked_in_at = now or timezone.now()
    registration.checked_in_by = by
    registration._history_user = by
    registration.save(update_fields=["status", "checked_in_at", "checked_in_by", "updated_at"])
    content_changed()
    return registration
