"""Participants' registrations for events: confirmed while seats remain, else waitlisted."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.models import MemberState
from workshops.models.events import Event, TimePhase


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_seats(self):
        return self.filter(status__in=Registration.SEAT_HOLDING)

    def counted_in_limits(self):
        return self.filter(status__in=Registration.COUNTED_IN_LIMITS)

    def of_user(self, user):
        """Registrations made with the account or with its email address, latest event first."""
        return (
            self.filter(models.Q(user=user) | models.Q(email__iexact=user.email))
            .select_related("event__dialogue", "member_state")
            .order_by(models.F("event__start_date").desc(nulls_first=True), "-created_at", "-pk")
        )


class Registration(models.Model):
    """One participant's registration for one event."""

    class Category(models.TextChoices):
        MEMBER_STATE = "member_state", _("Delegate of a member state")
        OBSERVER_STATE = "observer_state", _("Delegate of an observer state")
        INTERNATIONAL_ORGANISATION = "international_organisation", _("International organization")
        NGO = "ngo", _("Non-governmental organization")
        ACADEMIA = "academia", _("Academia")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant or diaspora organization")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        DECLINED = "declined", _("Declined")
        ATTENDED = "attended", _("Attended")

    class Participation(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")

    STATE_CATEGORIES = (Category.MEMBER_STATE, Category.OBSERVER_STATE)
    # A seat is taken once a registration is confirmed: pending ones (awaiting staff
    # approval) and waitlisted ones take none.
    SEAT_HOLDING = (Status.CONFIRMED, Status.ATTENDED)
    # What counts against a category quota or a state's limit: every registration still in
    # play, pending and waitlisted included (a state cannot nominate 30 and let staff sort it
    # out); cancelled and declined ones free their place.
    COUNTED_IN_LIMITS = (Status.PENDING, Status.CONFIRMED, Status.WAITLISTED, Status.ATTENDED)
    DECIDABLE = (Status.PENDING, Status.WAITLISTED, Status.CONFIRMED)

    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations"
    )
    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"))
    organisation = models.CharField(
        _("organization"),
        max_length=200,
        help_text=_("Ministry, permanent mission, organization or institution."),
    )
    function = models.CharField(_("function"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("state represented"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominations",
    )
    participation = models.CharField(
        _("takes part"),
        max_length=12,
        choices=Participation.choices,
        default=Participation.IN_PERSON,
    )
    needs = models.TextField(
        _("needs"),
        blank=True,
        help_text=_("Accessibility, dietary or other needs the secretariat should know about."),
    )
    listed_publicly = models.BooleanField(
        _("appears on the public list of participants"), default=False
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_email",
                violation_error_message=_("This email address is already registered."),
            ),
            models.CheckConstraint(
                condition=~models.Q(category__in=["member_state", "observer_state"])
                | models.Q(member_state__isnull=False),
                name="registration_state_delegate_names_state",
                violation_error_message=_("Say which state the delegate represents."),
            ),
        ]
        # The API's list (event, then the order of registration): a page of 50 is an index
        # scan, not a sort of every registration.
        indexes = [
            models.Index(fields=["event", "created_at", "id"], name="registration_event_created"),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    def get_absolute_url(self):
        return reverse("workshops:registration", kwargs={"reference": self.reference})

    @property
    def receives_meeting_link(self):
        """The meeting link (and passcode) is for confirmed participants who take part online:
        on an online event every confirmed participant, on a hybrid one those who chose online;
        never the waiting list, pending or cancelled registrations, nor in-person participants."""
        event = self.event
        if event.format == Event.Format.IN_PERSON or not event.meeting_url:
            return False
        if self.status not in (self.Status.CONFIRMED, self.Status.ATTENDED):
            return False
        online_only = event.format == Event.Format.ONLINE
        return online_only or self.participation == self.Participation.ONLINE

    @property
    def can_be_changed(self):
        """The participant may change or cancel it: not cancelled, not attended, and the
        event not over."""
        return self.status not in (
            self.Status.CANCELLED,
            self.Status.ATTENDED,
        ) and self.event.time_phase() in (TimePhase.UPCOMING, TimePhase.TAKING_PLACE)

    def clean(self):
        super().clean()
        self.email = (self.email or "").strip().lower()
        if self.category in self.STATE_CATEGORIES and not self.member_state_id:
            raise ValidationError({"member_state": _("Say which state the delegate represents.")})


class CategoryQuota(models.Model):
    """At most `seats` participants of one category at one event (e.g. 20 NGO seats)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="category_quotas"
    )
    category = models.CharField(_("category"), max_length=30, choices=Registration.Category.choices)
    seats = models.PositiveIntegerField(_("seats"))

    class Meta:
        ordering = ["event", "category"]
        verbose_name = _("category quota")
        verbose_name_plural = _("category quotas")
        constraints = [
            models.UniqueConstraint(
                "event",
                "category",
                name="category_quota_one_per_category",
                violation_error_message=_("This category has a quota already."),
            )
        ]

    def __str__(self):
        return f"{self.event}: {self.get_category_display()} ≤ {self.seats}"
