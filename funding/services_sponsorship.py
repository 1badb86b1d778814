"""Sponsored participation: a registrant (or their state's focal point) asks IOM to pay the
participation, staff approve it with an amount in USD or decline it, and an approval draws on
the event's "sponsored participants" budget line (funding.allocation).

An approval never commits more than the line still holds: the event row is locked
(`select_for_update`, as workshops.services.register does for seats) for the whole decision,
so two staff approving the last money at once are counted one after the other and the second
is refused with the amount missing. `lock=False` exists only so that a test can show what the
lock prevents.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from funding.allocation import allocate
from funding.emails import send_sponsorship_decision_email
from funding.models import Sponsorship
from funding.services import is_sponsorship_eligible
from workshops.models import Event, Registration

Status = Sponsorship.Status

# Registrations that may still be sponsored: in play, not cancelled, declined or over.
SPONSORABLE = (
    Registration.Status.PENDING,
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
)
# A request is open (or granted) in these states; a withdrawn one may be asked again.
STANDING = (Status.REQUESTED, Status.APPROVED, Status.DECLINED)
LARGEST = Decimal("1000000000000")  # the money fields hold 12 digits before the point


def usd(amount):
    """An amount for a message, grouped in the active language: 1,250.00 USD."""
    number = formats.number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    return f"{number} USD"


def sponsorship_refusal(registration, *, deciding=False, eligible=None):
    """Why `registration` cannot be sponsored (a message for the person asking), or None.

    Sponsorship pays officials of eligible member states (eligibility recorded per state and
    dialogue year by staff) to travel to the event, so the registration must represent such a
    state, take part in person, and still be in play; a request is made before the event is
    over, while staff may still decide afterwards (`deciding`) for someone who came.
    `eligible` is the state's eligibility for the year when the caller knows it already (a
    list of one state's registrations asks once)."""
    event = registration.event
    in_play = (*SPONSORABLE, Registration.Status.ATTENDED) if deciding else SPONSORABLE
    if registration.status not in in_play:
        return _("This registration is %(status)s: there is nothing to sponsor.") % {
            "status": registration.get_status_display().lower()
        }
    if event.status == Event.Status.CANCELLED:
        return _("This event is cancelled.")
    if not deciding and not registration.can_be_changed:
        return _("This event is over.")
    if registration.participation != Registration.Participation.IN_PERSON:
        return _(
            "Sponsorship pays the journey to the venue: it is for participants who take part "
            "in person."
        )
    state = registration.member_state
    if registration.category not in Registration.STATE_CATEGORIES or state is None:
        return _(
            "Sponsorship is for officials of eligible member states; this registration does "
            "not represent a state."
        )
    if eligible is None:
        eligible = is_sponsorship_eligible(member_state=state, dialogue=event.dialogue)
    if not eligible:
        return _(
            "Officials of %(state)s are not eligible for sponsored participation in IDM %(year)s."
        ) % {"state": state.display_name, "year": event.dialogue.year}
    return None


def request_sponsorship(
    *,
    registration,
    actor,
    covers_travel=True,
    covers_accommodation=True,
    covers_daily_allowance=True,
    justification="",
):
    """Ask that IOM pay `registration`'s participation (what it should cover, and why).

    `actor` is who asks: the registrant's account, their focal point, or None for a registrant
    who came through the link of their registration. Refused (ValidationError) if the
    registration cannot be sponsored or already has a request that stands; a withdrawn request
    may be asked again."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event__dialogue", "member_state")
            .get(pk=registration.pk)
        )
        sponsorship = Sponsorship.objects.filter(registration=registration).first()
        if sponsorship is not None and sponsorship.status in STANDING:
            raise ValidationError(
                _("Sponsorship of this participation was already asked for (%(status)s).")
                % {"status": sponsorship.get_status_display().lower()},
                code="already_requested",
            )
        refusal = sponsorship_refusal(registration)
        if refusal:
            raise ValidationError(refusal, code="not_sponsorable")
        sponsorship = sponsorship or Sponsorship(registration=registration)
        sponsorship.covers_travel = covers_travel
        sponsorship.covers_accommodation = covers_accommodation
        sponsorship.covers_daily_allowance = covers_daily_allowance
        sponsorship.justification = justification.strip()
        sponsorship.status = Status.REQUESTED
        sponsorship.requested_by = actor if actor is not None and actor.is_authenticated else None
        sponsorship.requested_at = timezone.now()
        sponsorship.amount_usd = None
        sponsorship.decided_by = None
        sponsorship.decided_at = None
        sponsorship.decision_note = ""
        sponsorship.full_clean(exclude=["registration"])
        sponsorship._history_user = sponsorship.requested_by
        try:
            with transaction.atomic():
                sponsorship.save()
        except IntegrityError as error:  # the same request sent twice at once
            raise ValidationError(
                _("Sponsorship of this participation was already asked for."),
                code="already_requested",
            ) from error
    return sponsorship


def _locked(sponsorship, *, lock=True):
    """The event row (locked unless `lock` is false) and the sponsorship row (locked)."""
    event_id = (
        Sponsorship.objects.filter(pk=sponsorship.pk)
        .values_list("registration__event_id", flat=True)
        .get()
    )
    events = Event.objects.select_for_update() if lock else Event.objects.all()
    event = events.select_related("dialogue").get(pk=event_id)
    sponsorship = (
        Sponsorship.objects.select_for_update(of=("self",))
        .select_related("registration__member_state", "registration__user")
        .get(pk=sponsorship.pk)
    )
    sponsorship.registration.event = event
    return event, sponsorship


def parse_amount(amount_usd):
    """A Decimal of what staff typed: "1250", "1250.00", "1,250.00" or "1250,00"."""
    text = "".join(str(amount_usd).split()).replace("\u202f", "")
    if "," in text:
        grouping = "." in text or len(text.rsplit(",", 1)[1]) == 3
        text = text.replace(",", "") if grouping else text.replace(",", ".")
    try:
        amount = Decimal(text)
    except (InvalidOperation, ValueError) as error:
        raise ValidationError(
            {"amount_usd": _("Enter the amount in US dollars, e.g. 1250.00.")}, code="invalid"
        ) from error
    if not amount.is_finite() or amount <= 0:
        raise ValidationError(
            {"amount_usd": _("The amount must be more than zero.")}, code="not_positive"
        )
    if amount >= LARGEST:
        raise ValidationError({"amount_usd": _("This amount is too large.")}, code="too_large")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"amount_usd": _("Give the amount to the cent.")}, code="cents")
    return amount


def approve_sponsorship(*, sponsorship, amount_usd, actor, note="", lock=True):
    """Staff approve a request (or change an approved amount) for `amount_usd` USD, within
    what the event's sponsored-participants line still holds; beyond it the approval is
    refused with the amount missing. The registrant is emailed on a new approval."""
    amount = parse_amount(amount_usd)
    with transaction.atomic():
        event, sponsorship = _locked(sponsorship, lock=lock)
        if sponsorship.status not in (Status.REQUESTED, Status.APPROVED):
            raise ValidationError(
                _("This request is %(status)s: it cannot be approved.")
                % {"status": sponsorship.get_status_display().lower()},
                code="not_open",
            )
        refusal = sponsorship_refusal(sponsorship.registration, deciding=True)
        if refusal:
            raise ValidationError(refusal, code="not_sponsorable")
        line = allocate(event.dialogue).for_event(event)
        already = sponsorship.amount_usd if sponsorship.status == Status.APPROVED else 0
        available = line.sponsorship_remaining + (already or 0)
        if amount > available:
            raise ValidationError(
                {
                    "amount_usd": _(
                        "The sponsored-participants line of this event has %(available)s "
                        "left: %(missing)s missing."
                    )
                    % {"available": usd(available), "missing": usd(amount - available)}
                },
                code="over_budget",
            )
        newly_approved = sponsorship.status != Status.APPROVED
        sponsorship.status = Status.APPROVED
        sponsorship.amount_usd = amount
        _decided(sponsorship, actor, note)
        if newly_approved:
            send_sponsorship_decision_email(sponsorship)
    return sponsorship


@transaction.atomic
def decline_sponsorship(*, sponsorship, actor, note=""):
    """Staff decline an open request; the registrant is emailed (with the note, if any)."""
    _event, sponsorship = _locked(sponsorship)
    if sponsorship.status != Status.REQUESTED:
        raise ValidationError(
            _("This request is %(status)s: only an open request can be declined.")
            % {"status": sponsorship.get_status_display().lower()},
            code="not_open",
        )
    sponsorship.status = Status.DECLINED
    sponsorship.amount_usd = None
    _decided(sponsorship, actor, note)
    send_sponsorship_decision_email(sponsorship)
    return sponsorship


@transaction.atomic
def withdraw_sponsorship(*, sponsorship, actor):
    """Withdraw a request, or an approval no longer needed (its money returns to the event's
    sponsored-participants line). The person or staff who withdraw it are recorded."""
    _event, sponsorship = _locked(sponsorship)
    if sponsorship.status not in (Status.REQUESTED, Status.APPROVED):
        raise ValidationError(
            _("This request is %(status)s: it cannot be withdrawn.")
            % {"status": sponsorship.get_status_display().lower()},
            code="not_open",
        )
    sponsorship.status = Status.WITHDRAWN
    sponsorship.amount_usd = None
    sponsorship._history_user = actor if actor is not None and actor.is_authenticated else None
    sponsorship.save(update_fields=["status", "amount_usd"])
    return sponsorship


@transaction.atomic
def save_sponsorship_details(*, sponsorship, actor):
    """Staff correct what a request covers, its justification or the decision's note (the
    back office); status and amount change only through the decisions above."""
    sponsorship.full_clean(exclude=["registration"])
    sponsorship._history_user = actor
    sponsorship.save(
        update_fields=[
            "covers_travel",
            "covers_accommodation",
            "covers_daily_allowance",
            "justification",
            "decision_note",
        ]
    )
    return sponsorship


def _decided(sponsorship, actor, note):
    sponsorship.decided_by = actor
    sponsorship.decided_at = timezone.now()
    sponsorship.decision_note = (note or "").strip()
    sponsorship._history_user = actor
    sponsorship.save(
        update_fields=["status", "amount_usd", "decided_by", "decided_at", "decision_note"]
    )
