"""Where the dialogue's money comes from (donors, contributions), what it is for (budgets) and
what it pays (sponsored participation). Money is a Decimal; amounts are reported in USD.

The seed's approach: the Administration seeks funding yearly for the whole workshop programme;
a donor may earmark a contribution to one workshop; each workshop has its own budget; most of
the money pays the participation of developing-country officials from capitals.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from funding.currencies import REPORTING_CURRENCY, to_cents, validate_currency
from idm.models import Dialogue, Document, MemberState
from workshops.models import Event, Registration

MONEY = {"max_digits": 14, "decimal_places": 2}
POSITIVE = [MinValueValidator(Decimal("0.01"))]
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Donor(models.Model):
    """A member state (linked to its record) or another organization that funds the IDM."""

    class Kind(models.TextChoices):
        MEMBER_STATE = "member_state", _("Member state")
        ORGANIZATION = "organization", _("Other organization")

    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    member_state = models.OneToOneField(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="donor",
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("The organization's name; for a member state its name is used."),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="member_state", member_state__isnull=False))
                | (models.Q(kind="organization", member_state__isnull=True) & ~models.Q(name="")),
                name="donor_state_or_named_organization",
                violation_error_message=_(
                    "A member-state donor names its state; another organization needs a name."
                ),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.member_state_id:
            return self.member_state.display_name
        return self.name


class ContributionQuerySet(models.QuerySet):
    def of_year(self, dialogue):
        return self.filter(dialogue=dialogue)

    def public(self):
        return self.filter(is_public=True)


class Contribution(models.Model):
    """Money a donor gives (or has pledged) for one dialogue year, earmarked to one event or
    not. `amount` is in `currency`; `rate_to_usd` (USD per unit of that currency on the rate's
    date) converts it to the reporting currency."""

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        RECEIVED = "received", _("Received")

    donor = models.ForeignKey(
        Donor, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="contributions"
    )
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("earmarked for"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contributions",
        help_text=_("Empty: for the year's whole programme (unearmarked)."),
    )
    amount = models.DecimalField(_("amount"), validators=POSITIVE, **MONEY)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default=REPORTING_CURRENCY,
        validators=[validate_currency],
        help_text=_("ISO 4217 code, e.g. USD, EUR, CHF."),
    )
    rate_to_usd = models.DecimalField(
        _("exchange rate to USD"),
        max_digits=18,
        decimal_places=8,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("US dollars for one unit of the currency on the rate's date."),
    )
    rate_date = models.DateField(_("date of the exchange rate"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLEDGED
    )
    pledged_on = models.DateField(_("pledged on"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    agreement_reference = models.CharField(_("agreement reference"), max_length=100, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("The donor and the amount may be shown publicly."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ContributionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-dialogue__year", "pledged_on", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gt=0),
                name="contribution_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
            models.CheckConstraint(
                condition=models.Q(rate_to_usd__gt=0),
                name="contribution_rate_positive",
                violation_error_message=_("The exchange rate must be more than zero."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="pledged") | models.Q(received_on__isnull=False),
                name="contribution_received_has_date",
                violation_error_message=_("A received contribution needs its date of receipt."),
            ),
            models.CheckConstraint(
                condition=models.Q(received_on__isnull=True)
                | models.Q(received_on__gte=models.F("pledged_on")),
                name="contribution_received_not_before_pledge",
                violation_error_message=_("Money cannot be received before it was pledged."),
            ),
        ]

    def __str__(self):
        year = _("IDM %(year)s") % {"year": self.dialogue.year}
        return f"{self.donor} · {self.amount} {self.currency} · {year}"

    def clean(self):
        super().clean()
        if self.event_id and self.dialogue_id and self.event.dialogue_id != self.dialogue_id:
            raise ValidationError(
                {"event": _("An earmarked event must belong to the contribution's year.")}
            )

    @property
    def amount_usd(self):
        """The amount in USD at the recorded rate, exact to the cent."""
        return to_cents(self.amount * self.rate_to_usd)

    @property
    def is_earmarked(self):
        return self.event_id is not None


class ManualAllocation(models.Model):
    """Staff put (part of) an unearmarked contribution on one event by hand, in USD; the rest
    of the contribution is allocated automatically."""

    contribution = models.ForeignKey(
        Contribution,
        verbose_name=_("contribution"),
        on_delete=models.CASCADE,
        related_name="allocations",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="manual_allocations",
    )
    amount_usd = models.DecimalField(_("amount (USD)"), validators=POSITIVE, **MONEY)

    history = HistoricalRecords()

    class Meta:
        ordering = ["contribution", "event"]
        verbose_name = _("allocation by hand")
        verbose_name_plural = _("allocations by hand")
        constraints = [
            models.UniqueConstraint(
                fields=["contribution", "event"],
                name="allocation_one_per_contribution_and_event",
                violation_error_message=_("This contribution is already allocated to it."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount_usd__gt=0),
                name="allocation_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self):
        return f"{self.contribution} → {self.event}: {self.amount_usd} USD"


class BudgetLine(models.Model):
    """One category of an event's budget, in USD."""

    class Category(models.TextChoices):
        SPONSORED_PARTICIPANTS = "sponsored_participants", _("Sponsored participants")
        VENUE = "venue", _("Venue")
        INTERPRETATION = "interpretation", _("Interpretation")
        DOCUMENTATION = "documentation", _("Documentation")
        STAFF_TRAVEL = "staff_travel", _("Staff travel")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="budget_lines"
    )
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    amount_usd = models.DecimalField(_("amount (USD)"), validators=NOT_NEGATIVE, **MONEY)
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_demo = models.BooleanField(
        _("demo figure"),
        default=False,
        help_text=_("An illustrative figure loaded with the seed, not an approved budget."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "category"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "category"],
                name="budget_line_one_per_category",
                violation_error_message=_("The event already has a line for this category."),
            ),
            models.CheckConstraint(
                condition=models.Q(amount_usd__gte=0),
                name="budget_line_amount_not_negative",
                violation_error_message=_("A budget line cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.event}: {self.get_category_display()} {self.amount_usd} USD"


class ProgrammeBudget(models.Model):
    """The budget of a dialogue year's whole programme (what the Administration seeks each
    year), with its project document and budget documents."""

    dialogue = models.OneToOneField(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.PROTECT,
        related_name="programme_budget",
    )
    amount_usd = models.DecimalField(_("amount (USD)"), validators=NOT_NEGATIVE, **MONEY)
    description = models.TextField(_("description"), blank=True)
    documents = models.ManyToManyField(
        Document,
        verbose_name=_("project document and budgets"),
        blank=True,
        related_name="programme_budgets",
    )
    is_demo = models.BooleanField(_("demo figure"), default=False)

    history = HistoricalRecords(m2m_fields=[documents])

    class Meta:
        ordering = ["-dialogue__year"]
        verbose_name = _("programme budget")
        verbose_name_plural = _("programme budgets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_usd__gte=0),
                name="programme_budget_not_negative",
                violation_error_message=_("A budget cannot be negative."),
            ),
        ]

    def __str__(self):
        year = _("IDM %(year)s") % {"year": self.dialogue.year}
        return f"{year}: {self.amount_usd} USD"


class SponsorshipEligibility(models.Model):
    """Whether officials of a state may be sponsored in a dialogue year, recorded by staff.
    Without a record for the year, the state's standing flag (`sponsorship_eligible`) holds."""

    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.CASCADE,
        related_name="sponsorship_eligibilities",
    )
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.CASCADE,
        related_name="sponsorship_eligibilities",
    )
    eligible = models.BooleanField(_("eligible"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-dialogue__year", "member_state__name"]
        verbose_name = _("sponsorship eligibility")
        verbose_name_plural = _("sponsorship eligibilities")
        constraints = [
            models.UniqueConstraint(
                fields=["member_state", "dialogue"],
                name="eligibility_one_per_state_and_year",
                violation_error_message=_("This state's eligibility for the year is recorded."),
            ),
        ]

    def __str__(self):
        year = _("IDM %(year)s") % {"year": self.dialogue.year}
        return f"{self.member_state} · {year}"


class Sponsorship(models.Model):
    """A request that IOM pay a registrant's participation, and staff's decision on it.
    `amount_usd` is what an approval commits from the event's sponsored-participants line."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="sponsorship",
    )
    covers_travel = models.BooleanField(_("travel"), default=True)
    covers_accommodation = models.BooleanField(_("accommodation"), default=True)
    covers_daily_allowance = models.BooleanField(_("daily allowance"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    amount_usd = models.DecimalField(
        _("amount (USD)"),
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text=_("The cost staff approve: ticket, accommodation and allowance."),
        **MONEY,
    )
    justification = models.TextField(_("justification"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsorship_requests",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsorship_decisions",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "pk"]
        verbose_name = _("sponsorship")
        verbose_name_plural = _("sponsorships")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(amount_usd__isnull=False),
                name="sponsorship_approved_has_amount",
                violation_error_message=_("An approved sponsorship needs its amount."),
            ),
            models.CheckConstraint(
                condition=models.Q(covers_travel=True)
                | models.Q(covers_accommodation=True)
                | models.Q(covers_daily_allowance=True),
                name="sponsorship_covers_something",
                violation_error_message=_(
                    "Ask for travel, accommodation or the daily allowance (at least one)."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.registration} · {self.get_status_display()}"

    @property
    def is_approved(self):
        """IOM pays this participation (workshops reads it through `registration.sponsorship`
        for the staff list, badges and exports, without importing this app)."""
        return self.status == self.Status.APPROVED


class EventBudget(Event):
    """An event seen from the funding side: its budget lines (the back office's "event
    budgets"; the event itself is edited in the programme)."""

    class Meta:
        proxy = True
        verbose_name = _("event budget")
        verbose_name_plural = _("event budgets")
