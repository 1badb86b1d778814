"""Events (workshops, Council-session panels, informal consultations) and their agendas."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from idm.content_languages import EnglishOriginal
from idm.models import Dialogue, Document, MemberState
from idm.validators import validate_dialogue_era


class TimePhase(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    TAKING_PLACE = "taking_place", _("Taking place")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class RegistrationPhase(models.TextChoices):
    NONE = "none", _("No registration")
    NOT_YET_OPEN = "not_yet_open", _("Registration not yet open")
    OPEN = "open", _("Registration open")
    FULL = "full", _("Full: waiting list")
    CLOSED = "closed", _("Registration closed")


class EventQuerySet(models.QuerySet):
    def in_calendar_order(self):
        """Dated events first, by start date; events whose date is to be announced last."""
        return self.order_by(models.F("start_date").asc(nulls_last=True), "kind", "order", "title")

    def with_seats_taken(self):
        """`seats_taken`: registrations holding a seat, counted in the same query (lists)."""
        from workshops.models.registrations import Registration

        return self.annotate(
            seats_taken=models.Count(
                "registrations",
                filter=models.Q(registrations__status__in=Registration.SEAT_HOLDING),
                distinct=True,
            )
        )

    def open_for_registration(self, now=None):
        """Events whose registration window is open now and that have not yet ended
        (the same rule as Event.registration_is_open), across dialogue years."""
        now = now or timezone.now()
        return (
            self.exclude(status__in=[Event.Status.HELD, Event.Status.CANCELLED])
            .filter(registration_opens_at__lte=now)
            .filter(
                models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gte=now)
            )
            .filter(
                models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=timezone.localdate(now))
                | models.Q(end_date__isnull=True, start_date__gte=timezone.localdate(now))
            )
        )

    def with_document_count(self):
        return self.annotate(document_count=models.Count("documents", distinct=True))

    def with_programme(self):
        """Everything an event page or the API detail shows, in a fixed number of queries:
        the dialogue, documents, and the agenda with its speakers and presentations."""
        speakers = SessionSpeaker.objects.select_related(
            "speaker__member_state", "presentation"
        ).order_by("order", "pk")
        sessions = Session.objects.prefetch_related(
            models.Prefetch("speakers", queryset=speakers), "documents"
        ).order_by("order", "date", "starts_at", "pk")
        return self.select_related("dialogue").prefetch_related(
            models.Prefetch("sessions", queryset=sessions), "documents"
        )


class Event(EnglishOriginal, models.Model):
    """A meeting of the dialogue: an intersessional workshop, a panel, a consultation."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Intersessional workshop")
        COUNCIL_PANEL = "council_panel", _("Council-session panel")
        INFORMAL_CONSULTATION = "informal_consultation", _("Informal consultation")
        OTHER = "other", _("Other event")

    class Status(models.TextChoices):
        """The event's planning status, set by staff. Whether it is funded ("subject to
        available funding" or "funded") is not typed here: the funding app computes it from
        the budgets and contributions, and staff confirm a funded event."""

        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid (in person and online)")

    dialogue = models.ForeignKey(
        Dialogue, verbose_name=_("dialogue year"), on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("web address"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the event page's address, e.g. 2009-trafficking."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Orders events whose dates are the same or unknown.")
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Empty: date to be announced.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty for a one-day event.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    description = models.TextField(_("description"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Seats for participants; empty: no limit."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, validators=[validate_dialogue_era]
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, validators=[validate_dialogue_era]
    )
    requires_approval = models.BooleanField(
        _("registrations need approval"),
        default=False,
        help_text=_("Staff approve or decline each registration; pending ones take no seat."),
    )
    per_state_limit = models.PositiveSmallIntegerField(
        _("seats per state"),
        null=True,
        blank=True,
        help_text=_("At most this many participants per member state; empty: no limit."),
    )
    format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.IN_PERSON
    )
    meeting_url = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_("Online participation: sent to confirmed online participants only."),
    )
    meeting_passcode = models.CharField(_("meeting passcode"), max_length=100, blank=True)
    livestream_url = models.URLField(
        _("livestream link"), blank=True, help_text=_("Public: shown on the event page.")
    )
    documents = models.ManyToManyField(
        Document, verbose_name=_("documents"), blank=True, related_name="events"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()
    # history: registered in workshops/translation.py, after the title's languages (the
    # history then keeps every language).

    class Meta:
        ordering = [models.F("start_date").asc(nulls_last=True), "order", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=False, end_date__gte=models.F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__isnull=True)
                | models.Q(
                    registration_opens_at__isnull=False,
                    registration_closes_at__gte=models.F("registration_opens_at"),
                ),
                name="event_registration_closes_after_opening",
                violation_error_message=_("Registration cannot close before it opens."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:event", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and not self.start_date:
            errors["start_date"] = _("Give the start date, or leave both dates empty.")
        elif self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.registration_closes_at and not self.registration_opens_at:
            errors["registration_opens_at"] = _("Give the date registration opens.")
        elif (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at < self.registration_opens_at
        ):
            errors["registration_closes_at"] = _("Registration cannot close before it opens.")
        if errors:
            raise ValidationError(errors)
        if self.start_date and not self.end_date:
            self.end_date = self.start_date

    @property
    def dates_known(self):
        return self.start_date is not None

    @property
    def last_day(self):
        return self.end_date or self.start_date

    def registration_is_open(self, now=None):
        """Registration is open inside its window, for an event that is still to take place."""
        return self._registration_window_open(now)

    # What a visitor sees before registering: the event's phase in time and the phase of its
    # registration (workshops/phases.py words them; templates only show them).

    def time_phase(self, today=None):
        """upcoming, taking_place, held or cancelled, from the dates (a past event is held
        whatever its recorded status: a 2009 workshop seen in 2026 is held)."""
        if self.status == self.Status.CANCELLED:
            return TimePhase.CANCELLED
        today = today or timezone.localdate()
        if self.status == self.Status.HELD or (self.last_day and self.last_day < today):
            return TimePhase.HELD
        if self.start_date and self.start_date <= today:
            return TimePhase.TAKING_PLACE
        return TimePhase.UPCOMING

    @property
    def seats_left(self):
        """Free seats (None: no limit); uses the `seats_taken` annotation when present."""
        if self.capacity is None:
            return None
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.registrations.holding_seats().count()
        return max(self.capacity - taken, 0)

    def registration_phase(self, now=None):
        """none (no registration), not_yet_open, open, full (new registrations join the
        waiting list), or closed."""
        if self.registration_opens_at is None:
            return RegistrationPhase.NONE
        now = now or timezone.now()
        if self._registration_window_open(now):
            return RegistrationPhase.FULL if self.seats_left == 0 else RegistrationPhase.OPEN
        if now < self.registration_opens_at and self.time_phase(timezone.localdate(now)) in (
            TimePhase.UPCOMING,
            TimePhase.TAKING_PLACE,
        ):
            return RegistrationPhase.NOT_YET_OPEN
        return RegistrationPhase.CLOSED

    @property
    def agenda_expected(self):
        """Whether 'the agenda will be published' can still be said of an event without one."""
        return self.time_phase() == TimePhase.UPCOMING

    def _registration_window_open(self, now=None):
        """Registration is open inside its window, for an event that is still to take place."""
        if self.registration_opens_at is None or self.status in {
            self.Status.HELD,
            self.Status.CANCELLED,
        }:
            return False
        now = now or timezone.now()
        if now < self.registration_opens_at:
            return False
        if self.registration_closes_at is not None and now > self.registration_closes_at:
            return False
        return not (self.last_day and self.last_day < timezone.localdate(now))


class Session(EnglishOriginal, models.Model):
    """One item of an event's agenda: a time slot with its title, kind, moderator and speakers."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        PANEL = "panel", _("Panel discussion")
        PRESENTATIONS = "presentations", _("Presentations")
        DISCUSSION = "discussion", _("Open discussion")
        WORKING_GROUP = "working_group", _("Working group")
        BREAK = "break", _("Break")
        CLOSING = "closing", _("Closing")
        OTHER = "other", _("Other")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    date = models.DateField(_("date"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PANEL)
    description = models.TextField(_("description"), blank=True)
    recording_url = models.URLField(_("recording"), blank=True)
    documents = models.ManyToManyField(
        Document, verbose_name=_("documents"), blank=True, related_name="sessions"
    )

    class Meta:
        ordering = ["event", "order", "date", "starts_at", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True)
                | models.Q(starts_at__isnull=False, ends_at__gte=models.F("starts_at")),
                name="session_ends_not_before_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.ends_at and not self.starts_at:
            errors["starts_at"] = _("Give the start time, or leave both times empty.")
        elif self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("A session cannot end before it starts.")
        event = self.event if self.event_id else None
        if self.date and event and event.start_date and not within(self.date, event):
            errors["date"] = _("The date must be one of the event's days.")
        if errors:
            raise ValidationError(errors)

    @property
    def moderators(self):
        return [s for s in self.speakers.all() if s.role == SessionSpeaker.Role.MODERATOR]

    @property
    def presenters(self):
        return [s for s in self.speakers.all() if s.role != SessionSpeaker.Role.MODERATOR]


def within(day: datetime.date, event: Event):
    return event.start_date <= day <= (event.end_date or event.start_date)


class Speaker(models.Model):
    """A person who speaks at or moderates sessions of the dialogue."""

    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        details = ", ".join(part for part in [self.function, self.organisation] if part)
        return f"{self.name} ({details})" if details else self.name


class SessionSpeaker(models.Model):
    """A speaker's part in one session: moderator or speaker, and their presentation."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        SPEAKER = "speaker", _("Speaker")
        DISCUSSANT = "discussant", _("Discussant")

    session = models.ForeignKey(
        Session, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="speakers"
    )
    speaker = models.ForeignKey(
        Speaker, verbose_name=_("speaker"), on_delete=models.PROTECT, related_name="sessions"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    presentation_title = models.CharField(_("presentation"), max_length=300, blank=True)
    presentation = models.ForeignKey(
        Document,
        verbose_name=_("presentation document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presented_in",
    )

    class Meta:
        ordering = ["session", "order", "pk"]
        verbose_name = _("speaker of an agenda item")
        verbose_name_plural = _("speakers and moderators")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker", "role"],
                name="sessionspeaker_once_per_role",
                violation_error_message=_("This person already has this role in the session."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker.name}: {self.get_role_display()}"
