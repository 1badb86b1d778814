"""A survey as staff build it in the back office: sections, questions and their options."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.models import Dialogue
from idm.validators import validate_dialogue_era
from surveys.models.i18n import Translated, translated_text


class SurveyQuerySet(models.QuerySet):
    def published(self):
        """Surveys respondents may see: open or closed, never a draft being built."""
        return self.exclude(status=Survey.Status.DRAFT)

    def for_member_states(self):
        """Surveys member states answer (not the evaluations of events by their participants)."""
        return self.filter(audience=Survey.Audience.MEMBER_STATES)

    def evaluation_templates(self):
        """Event evaluations not attached to an event: the models staff copy for an event."""
        return self.filter(kind=Survey.Kind.EVENT_EVALUATION, event__isnull=True)


class Survey(models.Model):
    class Kind(models.TextChoices):
        EFFECTIVENESS = "effectiveness", _("IDM effectiveness")
        THEME_SELECTION = "theme_selection", _("Theme selection")
        EVENT_EVALUATION = "event_evaluation", _("Event evaluation")

    class Audience(models.TextChoices):
        # Member states: one official response per state, drafted by its delegates.
        # Participants: an event's evaluation, one response per participant (registration),
        # answered through a personal link without an account.
        MEMBER_STATES = "member_states", _("Member states (one official response each)")
        PARTICIPANTS = "participants", _("Participants of an event (one response each)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (being built)")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title_en, title_fr, title_es = translated_text(_("title"), max_length=200)
    intro_en, intro_fr, intro_es = translated_text(_("introduction"), blank=True)
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.MEMBER_STATES
    )
    event = models.ForeignKey(
        "workshops.Event",
        verbose_name=_("evaluated event"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_(
            "Event evaluations: the event whose participants answer. Empty: a template that "
            "staff copy for an event."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, validators=[validate_dialogue_era]
    )
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, validators=[validate_dialogue_era]
    )
    reminder_days_before_close = models.PositiveSmallIntegerField(
        _("automatic reminder (days before closing)"),
        default=7,
        help_text=_(
            "Focal points of states that have not submitted get one reminder this many days "
            "before the survey closes. 0: no automatic reminder."
        ),
    )
    results_public = models.BooleanField(
        _("results public after closing"),
        default=False,
        help_text=_("Anyone may read the aggregate results once the survey is closed."),
    )

    title = Translated("title")
    intro = Translated("intro")

    objects = SurveyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_at__isnull=True)
                | models.Q(closes_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
                violation_error_message=_("A survey must close after it opens."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind="event_evaluation", audience="participants")
                | ~models.Q(kind="event_evaluation") & models.Q(audience="member_states"),
                name="survey_evaluation_asks_participants",
                violation_error_message=_(
                    "An event evaluation is answered by participants, and only an event "
                    "evaluation is."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(event__isnull=True) | models.Q(kind="event_evaluation"),
                name="survey_event_only_for_evaluations",
                violation_error_message=_("Only an event evaluation evaluates an event."),
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(event__isnull=False),
                name="survey_one_evaluation_per_event",
                violation_error_message=_("This event already has an evaluation survey."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The audience follows the kind: participants answer an event's evaluation, member
        # states every other survey.
        self.audience = (
            self.Audience.PARTICIPANTS
            if self.kind == self.Kind.EVENT_EVALUATION
            else self.Audience.MEMBER_STATES
        )
        if kwargs.get("update_fields") is not None and "kind" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "audience"}
        super().save(*args, **kwargs)

    def is_accepting_answers(self, now=None):
        """Open, and inside its open/close window."""
        now = now or timezone.now()
        return (
            self.status == self.Status.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )

    def is_closed(self, now=None):
        now = now or timezone.now()
        return self.status == self.Status.CLOSED or (
            self.status == self.Status.OPEN and self.closes_at is not None and self.closes_at <= now
        )

    def has_answers(self):
        return self.pk is not None and self.responses.exists()

    @property
    def is_evaluation(self):
        return self.audience == self.Audience.PARTICIPANTS

    def clean(self):
        super().clean()
        if self.status == self.Status.DRAFT and self.has_answers():
            raise ValidationError(
                {"status": _("This survey has answers: it cannot go back to draft. Close it.")}
            )
        if self.event_id and self.kind != self.Kind.EVENT_EVALUATION:
            raise ValidationError({"event": _("Only an event evaluation evaluates an event.")})
        if self.pk and self.has_answers():
            saved = Survey.objects.filter(pk=self.pk).values("kind", "event_id").first()
            if saved and (saved["kind"], saved["event_id"]) != (self.kind, self.event_id):
                raise ValidationError(
                    _("This survey has answers: its kind and its event can no longer change.")
                )


class Section(models.Model):
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title_en, title_fr, title_es = translated_text(_("title"), max_length=200)
    intro_en, intro_fr, intro_es = translated_text(_("introduction"), blank=True)

    title = Translated("title")
    intro = Translated("intro")

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "position"],
                name="section_position_unique",
                violation_error_message=_("Two sections of a survey cannot share a position."),
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


def question_type(question):
    from surveys.questions import question_type

    return question_type(question)


class KindsStoredIn:
    """The question kinds whose type stores its answer in `storage` (read on the class)."""

    def __init__(self, storage):
        self.storage = storage

    def __get__(self, obj, objtype=None):
        from surveys.questions import kinds_where

        return tuple(kinds_where(lambda question_type: question_type.storage == self.storage))


def condition_question_choices():
    """A display condition refers to a question whose type can control it (choices, yes/no)."""
    from surveys.questions import kinds_where

    return models.Q(kind__in=kinds_where(lambda question_type: question_type.controls_display))


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE_CHOICE = "single_choice", _("Single choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
        LIKERT = "likert", _("Likert scale 1–5")
        RANKING = "ranking", _("Ranking")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        NUMBER = "number", _("Number")
        YES_NO = "yes_no", _("Yes / no")

    # The kinds whose answer is stored as options chosen, as text, as a number (from the
    # question types, surveys.questions).
    CHOICE_KINDS = KindsStoredIn("choices")
    TEXT_KINDS = KindsStoredIn("text")
    NUMERIC_KINDS = KindsStoredIn("number")

    section = models.ForeignKey(
        Section, verbose_name=_("section"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=False)
    text_en, text_fr, text_es = translated_text(_("question"), max_length=500)
    help_en, help_fr, help_es = translated_text(_("help text"), blank=True)
    low_label_en, low_label_fr, low_label_es = translated_text(
        _("label of 1 (Likert)"), max_length=100, blank=True
    )
    high_label_en, high_label_fr, high_label_es = translated_text(
        _("label of 5 (Likert)"), max_length=100, blank=True
    )
    min_choices = models.PositiveSmallIntegerField(
        _("at least this many choices"), null=True, blank=True
    )
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many choices"), null=True, blank=True
    )
    top_k = models.PositiveSmallIntegerField(
        _("rank only the top"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Ranking: respondents rank only their first k options. Empty: rank all."),
    )
    min_value = models.DecimalField(
        _("smallest number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("show only if the answer to"),
        on_delete=models.PROTECT,
        related_name="dependent_questions",
        null=True,
        blank=True,
        limit_choices_to=condition_question_choices,
    )
    condition_options = models.ManyToManyField(
        "Option",
        verbose_name=_("includes one of these options"),
        related_name="+",
        blank=True,
    )
    condition_yes = models.BooleanField(
        _("is (yes/no question)"),
        null=True,
        blank=True,
        help_text=_("For a condition on a yes/no question: show when the answer is this."),
    )

    text = Translated("text")
    help = Translated("help")
    low_label = Translated("low_label")
    high_label = Translated("high_label")

    class Meta:
        ordering = ["section__position", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "position"],
                name="question_position_unique",
                violation_error_message=_("Two questions of a section cannot share a position."),
            ),
            models.CheckConstraint(
                condition=models.Q(min_choices__isnull=True)
                | models.Q(max_choices__isnull=True)
                | models.Q(min_choices__lte=models.F("max_choices")),
                name="question_min_choices_not_above_max",
                violation_error_message=_("The minimum number of choices exceeds the maximum."),
            ),
            models.CheckConstraint(
                condition=models.Q(min_value__isnull=True)
                | models.Q(max_value__isnull=True)
                | models.Q(min_value__lte=models.F("max_value")),
                name="question_min_value_not_above_max",
                violation_error_message=_("The smallest number exceeds the largest."),
            ),
        ]

    def __str__(self):
        return self.text

    def has_answers(self):
        return self.answers.exists()

    def clean(self):
        super().clean()
        if self.pk and self.has_answers():
            saved = Question.objects.select_related("section").get(pk=self.pk)
            if saved.kind != self.kind or saved.section.survey_id != self.section.survey_id:
                raise ValidationError(
                    _(
                        "This question already has answers: its type cannot change and it "
                        "cannot move to another survey. Add a new question instead."
                    )
                )
        if self.condition_question_id:
            condition = self.condition_question
            same_survey = condition.section.survey_id == self.section.survey_id
            earlier = (condition.section.position, condition.position) < (
                self.section.position,
                self.position,
            )
            if not (same_survey and earlier):
                raise ValidationError(
                    {
                        "condition_question": _(
                            "A display condition must refer to an earlier question of the "
                            "same survey."
                        )
                    }
                )
        if self.kind in self.Kind.values:
            question_type(self).check_question(self)


class Option(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    text_en, text_fr, text_es = translated_text(_("option"), max_length=300)
    exclusive = models.BooleanField(
        _("exclusive"),
        default=False,
        help_text=_(
            "Multiple choice: an answer such as “None” or “Not yet”, which respondents choose "
            "alone, never together with other options."
        ),
    )

    text = Translated("text")

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "position"],
                name="option_position_unique",
                violation_error_message=_("Two options of a question cannot share a position."),
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if not self.exclusive or self.question_id is None:
            return
        if not question_type(self.question).allows_exclusive_options:
            raise ValidationError(
                {"exclusive": _("Only an option of a multiple-choice question can be exclusive.")}
            )
