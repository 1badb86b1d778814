"""Dialogue years and their official documents."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from idm.models.states import Language


class DialogueQuerySet(models.QuerySet):
    def current(self):
        """The dialogue year the portal features: the most recent one."""
        return self.order_by("-year").first()


class Dialogue(models.Model):
    """One IDM year, guided by an overarching theme selected by the membership."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2001), MaxValueValidator(2100)],
        help_text=_("The IDM was launched in 2001."),
    )
    theme = models.CharField(_("overarching theme"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    theme_selection = models.TextField(
        _("how the theme was selected"),
        blank=True,
        help_text=_("For example: informal consultations and a follow-up survey."),
    )
    funding_approach = models.TextField(_("funding approach"), blank=True)

    objects = DialogueQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("dialogue year")
        verbose_name_plural = _("dialogue years")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2001) & models.Q(year__lte=2100),
                name="dialogue_year_in_range",
            ),
        ]

    def __str__(self):
        return f"IDM {self.year}: {self.theme}"


class Document(models.Model):
    """An official document (e.g. IC/2008/6, MC/2266) in one language."""

    class Kind(models.TextChoices):
        DISCUSSION_NOTE = "discussion_note", _("Discussion note")
        BACKGROUND_PAPER = "background_paper", _("Background paper")
        REPORT = "report", _("Report")
        AGENDA = "agenda", _("Agenda")
        PRESENTATION = "presentation", _("Presentation")
        SUMMARY = "summary", _("Summary")
        STATEMENT = "statement", _("Statement")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PUBLISHED = "published", _("Published")
        FORTHCOMING = "forthcoming", _("Forthcoming")

    symbol = models.CharField(
        _("symbol"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("IOM document symbol such as IC/2008/6 or MC/2266; empty if none."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED
    )
    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    class Meta:
        ordering = ["-dialogue__year", "symbol", "title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["symbol", "language"],
                condition=~models.Q(symbol=""),
                name="document_symbol_language_unique",
                violation_error_message=_("A document with this symbol and language exists."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="forthcoming") | ~models.Q(file="") | ~models.Q(url=""),
                name="document_published_has_file_or_link",
                violation_error_message=_("A published document needs a file or a link."),
            ),
        ]

    def __str__(self):
        return f"{self.symbol} {self.title}".strip()

    @property
    def href(self):
        """Where a reader gets the document: the uploaded file, else the link."""
        if self.file:
            return self.file.url
        return self.url
