"""State changes of the dialogue's money. Admin, pages, the API and commands call these; each
records who changed what (django-simple-history) inside one transaction."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from funding.allocation import FundingStatus, allocate
from funding.models import Contribution, ManualAllocation, SponsorshipEligibility
from idm.models import MemberState
from idm.page_cache import content_changed
from workshops import services as workshop_services
from workshops.models import Event


def _save(obj, actor):
    obj.full_clean()
    obj._history_user = actor
    obj.save()
    content_changed()  # event pages show the funding status, percent funded and donors
    return obj


def _delete(obj, actor):
    obj._history_user = actor
    obj.delete()
    content_changed()


@transaction.atomic
def save_donor(*, donor, actor):
    return _save(donor, actor)


@transaction.atomic
def save_contribution(*, contribution, actor):
    """Validate and save a contribution (new or changed). Its money cannot shrink below what
    staff already allocated of it by hand. Dates not given: pledged today, the rate of the
    pledge's date, received today."""
    fill_contribution_dates(contribution)
    if contribution.pk:
        Contribution.objects.select_for_update().filter(pk=contribution.pk).first()
        check_allocations_fit(contribution)
    return _save(contribution, actor)


def check_allocations_fit(contribution):
    """Refuse (ValidationError) a changed contribution that no longer holds what staff
    allocated of it by hand: earmarked since, or its amount now less. Forms ask it before
    saving, so that the message shows beside the field."""
    if not contribution.pk:
        return
    by_hand = contribution.allocations.aggregate(total=Sum("amount_usd"))["total"]
    if by_hand and contribution.event_id is not None:
        raise ValidationError(
            {"event": _("Remove the allocations by hand before earmarking this money.")}
        )
    known = contribution.amount is not None and contribution.rate_to_usd is not None
    if by_hand and known and by_hand > contribution.amount_usd:
        raise ValidationError(
            {
                "amount": _(
                    "%(allocated)s USD of this contribution is allocated by hand; "
                    "its amount cannot be less."
                )
                % {"allocated": by_hand}
            }
        )


def fill_contribution_dates(contribution, today=None):
    today = today or timezone.localdate()
    if contribution.pledged_on is None:
        contribution.pledged_on = today
    if contribution.rate_date is None:
        contribution.rate_date = contribution.pledged_on
    if contribution.status == Contribution.Status.RECEIVED and contribution.received_on is None:
        contribution.received_on = max(today, contribution.pledged_on)


@transaction.atomic
def delete_contribution(*, contribution, actor):
    _delete(contribution, actor)


@transaction.atomic
def save_budget_line(*, line, actor):
    return _save(line, actor)


@transaction.atomic
def delete_budget_line(*, line, actor):
    _delete(line, actor)


@transaction.atomic
def save_programme_budget(*, budget, actor, documents=None):
    _save(budget, actor)
    if documents is not None:
        budget.documents.set(documents)
    return budget


@transaction.atomic
def allocate_by_hand(*, contribution, event, amount_usd, actor):
    """Put `amount_usd` of an unearmarked contribution on `event` (replacing an earlier
    allocation of it to that event). The contribution row is locked so that two staff
    allocating at once never allocate more than it holds."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    amount_usd = Decimal(amount_usd)
    if contribution.event_id is not None:
        raise ValidationError(
            {"contribution": _("Earmarked money already covers its event.")}, code="earmarked"
        )
    if event.dialogue_id != contribution.dialogue_id:
        raise ValidationError(
            {"event": _("The event must belong to the contribution's year.")}, code="year"
        )
    others = (
        contribution.allocations.exclude(event=event).aggregate(total=Sum("amount_usd"))["total"]
        or 0
    )
    available = contribution.amount_usd - others
    if amount_usd > available:
        raise ValidationError(
            {
                "amount_usd": _("Only %(available)s USD of this contribution is left to allocate.")
                % {"available": available}
            },
            code="over_allocated",
        )
    allocation = ManualAllocation.objects.filter(contribution=contribution, event=event).first()
    allocation = allocation or ManualAllocation(contribution=contribution, event=event)
    allocation.amount_usd = amount_usd
    return _save(allocation, actor)


@transaction.atomic
def remove_allocation(*, allocation, actor):
    _delete(allocation, actor)


@transaction.atomic
def set_sponsorship_eligibility(*, member_state, dialogue, eligible, actor):
    """Record whether `member_state`'s officials may be sponsored in `dialogue`'s year."""
    record = SponsorshipEligibility.objects.select_for_update().filter(
        member_state=member_state, dialogue=dialogue
    ).first() or SponsorshipEligibility(member_state=member_state, dialogue=dialogue)
    record.eligible = eligible
    return _save(record, actor)


def is_sponsorship_eligible(*, member_state, dialogue):
    """The year's record where staff made one, else the state's standing flag."""
    if member_state is None:
        return False
    record = SponsorshipEligibility.objects.filter(
        member_state=member_state, dialogue=dialogue
    ).first()
    return record.eligible if record else member_state.sponsorship_eligible


def check_allocation_plan(*, contribution, planned):
    """Refuse (ValidationError) allocations by hand a form is about to make: `planned` maps
    each event to the USD it should receive of `contribution` (all of its allocations). The
    same rules as allocate_by_hand, asked before saving so the message shows in the form."""
    if not planned:
        return
    if contribution.event_id is not None:
        raise ValidationError(
            _("Earmarked money already covers its event: allocate unearmarked money by hand."),
            code="earmarked",
        )
    for event in planned:
        if event.dialogue_id != contribution.dialogue_id:
            raise ValidationError(
                _("%(event)s does not belong to the contribution's year.") % {"event": event},
                code="year",
            )
    total = sum(planned.values(), Decimal("0"))
    known = contribution.amount is not None and contribution.rate_to_usd is not None
    if known and total > contribution.amount_usd:
        raise ValidationError(
            _(
                "The allocations by hand add up to %(total)s USD; the contribution holds "
                "%(available)s USD."
            )
            % {"total": total, "available": contribution.amount_usd},
            code="over_allocated",
        )


@transaction.atomic
def delete_donor(*, donor, actor):
    """Delete a donor without contributions (those protect it)."""
    _delete(donor, actor)


@transaction.atomic
def delete_programme_budget(*, budget, actor):
    _delete(budget, actor)


@transaction.atomic
def delete_sponsorship_eligibility(*, record, actor):
    """Forget a year's record: the state's standing flag holds again."""
    _delete(record, actor)


@transaction.atomic
def record_year_eligibilities(*, dialogue, actor, region=""):
    """Record, for every member state (of `region`, if given) without a record for
    `dialogue`'s year, its standing flag as the year's eligibility; staff then adjust the
    list. Returns how many records were made."""
    states = MemberState.objects.filter(membership=MemberState.Membership.MEMBER).exclude(
        sponsorship_eligibilities__dialogue=dialogue
    )
    if region:
        states = states.filter(region=region)
    made = 0
    for state in states.order_by("name"):
        record = SponsorshipEligibility(
            member_state=state, dialogue=dialogue, eligible=state.sponsorship_eligible
        )
        _save(record, actor)
        made += 1
    return made


@transaction.atomic
def confirm_funded_event(*, event, actor):
    """Confirm a proposed event once its funding covers its budget (the computed status is
    "funded"). The event row is locked; refused with the amount missing otherwise."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status != Event.Status.PROPOSED:
        raise ValidationError(
            _("Only a proposed event can be confirmed; this one is “%(status)s”.")
            % {"status": event.get_status_display()},
            code="not_proposed",
        )
    funding = allocate(event.dialogue_id).for_event(event)
    if funding.status != FundingStatus.FUNDED:
        if funding.status == FundingStatus.NOT_BUDGETED:
            message = _("This event has no budget yet: record its budget first.")
        else:
            message = _("This event is not funded yet: %(gap)s USD are missing.") % {
                "gap": funding.gap
            }
        raise ValidationError(message, code="not_funded")
    workshop_services.set_event_status(events=[event], status=Event.Status.CONFIRMED, actor=actor)
    event.refresh_from_db()
    return event
