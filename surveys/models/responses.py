"""Responses and their answers: one shared draft per member state, then one official answer;
or, for an event's evaluation, one response per participant."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.models import MemberState
from surveys.models.surveys import Option, Question, Survey


class Response(models.Model):
    """A survey's response by one respondent.

    Audience "member states": `member_state` is set and unique per survey (the state's one
    official response, drafted together by its delegates). Audience "participants" (an event's
    evaluation): `registration` is set instead, unique per survey too (each participant's own
    response, reached through their personal link). Exactly one of the two is set.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="responses"
    )
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    registration = models.ForeignKey(
        "workshops.Registration",
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Increases with every saved change.")
    )
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    reopen_reason = models.TextField(_("reason for the last reopening"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "member_state__name", "pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "member_state"],
                condition=models.Q(member_state__isnull=False),
                name="response_one_per_member_state",
                violation_error_message=_("This member state already has a response."),
            ),
            models.UniqueConstraint(
                fields=["survey", "registration"],
                condition=models.Q(registration__isnull=False),
                name="response_one_per_participant",
                violation_error_message=_("This participant already has a response."),
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(member_state__isnull=False, registration__isnull=True)
                    | models.Q(member_state__isnull=True, registration__isnull=False)
                ),
                name="response_has_exactly_one_respondent",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft")
                | models.Q(status="submitted", submitted_at__isnull=False),
                name="response_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.survey} · {self.member_state or self.registration}"

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """One question's answer within a response; kept (possibly emptied) once given, so the page
    can say who last changed it and when.

    Where the value lives: text questions in `text`; numbers and Likert points in `number`;
    yes/no in `boolean`; single choice, multiple choice and ranking as AnswerChoice rows.
    """

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    text = models.TextField(_("text"), blank=True)
    number = models.DecimalField(
        _("number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    boolean = models.BooleanField(_("yes or no"), null=True, blank=True)
    changed_in_version = models.PositiveIntegerField(
        _("changed in version"), default=1, help_text=_("The response version of the last change.")
    )
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["response", "question__section__position", "question__position"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_one_per_question"
            ),
        ]

    def __str__(self):
        return f"{self.response} · {self.question}"


class AnswerChoice(models.Model):
    """A chosen option (single and multiple choice) or a ranked one (ranking: `rank` 1 = first)."""

    answer = models.ForeignKey(
        Answer, verbose_name=_("answer"), on_delete=models.CASCADE, related_name="choices"
    )
    option = models.ForeignKey(
        Option, verbose_name=_("option"), on_delete=models.PROTECT, related_name="choices"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["answer", "rank", "option__position"]
        verbose_name = _("chosen option")
        verbose_name_plural = _("chosen options")
        constraints = [
            models.UniqueConstraint(fields=["answer", "option"], name="answerchoice_unique"),
            models.UniqueConstraint(
                fields=["answer", "rank"],
                condition=models.Q(rank__isnull=False),
                name="answerchoice_rank_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(rank__isnull=True) | models.Q(rank__gte=1),
                name="answerchoice_rank_positive",
            ),
        ]

    def __str__(self):
        return f"{self.option} ({self.rank})" if self.rank else str(self.option)


class ThemeAdoption(models.Model):
    """Staff adopted a theme-selection survey's winning option as a dialogue's theme."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="adoptions"
    )
    option = models.ForeignKey(
        Option, verbose_name=_("adopted option"), on_delete=models.PROTECT, related_name="+"
    )
    dialogue = models.ForeignKey(
        "idm.Dialogue", verbose_name=_("dialogue year"), on_delete=models.PROTECT, related_name="+"
    )
    previous_theme = models.CharField(_("previous theme"), max_length=300, blank=True)
    borda_score = models.PositiveIntegerField(_("Borda score"))
    respondents = models.PositiveIntegerField(_("responses counted"))
    adopted_at = models.DateTimeField(_("adopted at"), auto_now_add=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adopted by"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-adopted_at"]
        verbose_name = _("theme adoption")
        verbose_name_plural = _("theme adoptions")

    def __str__(self):
        return f"{self.dialogue.year}: {self.option}"
