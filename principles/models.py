"""Key policy principles per dialogue year: ordered, lettered, with headline and body."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from idm.content_languages import EnglishOriginal
from idm.models import Dialogue
from idm.search import text_search
from workshops.models import Event


class Topic(EnglishOriginal, models.Model):
    """A subject that principles address, used to filter them (e.g. Reintegration)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("web address"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class PrincipleSet(EnglishOriginal, models.Model):
    """A set of principles agreed in a dialogue year (e.g. on return migration, IDM 2008)."""

    dialogue = models.ForeignKey(
        Dialogue,
        verbose_name=_("dialogue year"),
        on_delete=models.PROTECT,
        related_name="principle_sets",
    )
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["-dialogue__year", "order", "title"]
        verbose_name = _("set of principles")
        verbose_name_plural = _("sets of principles")
        constraints = [
            models.UniqueConstraint(
                fields=["dialogue", "title"],
                name="principleset_title_unique_per_dialogue",
                violation_error_message=_("This dialogue year already has a set with this title."),
            ),
        ]

    def __str__(self):
        return _("%(title)s (IDM %(year)s)") % {"title": self.title, "year": self.dialogue.year}


class PrincipleQuerySet(models.QuerySet):
    def search(self, text, language=None):
        """Full-text search of headline (weighs most) and body in `language` (default: the
        active one), accents ignored; best matches first on PostgreSQL (idm.search)."""
        return text_search(
            self,
            text,
            fields={"headline": "A", "body": "B"},
            language=language,
            tie_breakers=("principle_set", "order"),
        )


class Principle(EnglishOriginal, models.Model):
    """One lettered principle: label (a), its headline (the bold lead sentence) and body."""

    principle_set = models.ForeignKey(
        PrincipleSet,
        verbose_name=_("set of principles"),
        on_delete=models.CASCADE,
        related_name="principles",
    )
    label = models.CharField(
        _("label"), max_length=8, help_text=_("The letter without brackets: a, b, c…")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    headline = models.TextField(_("headline"), help_text=_("The bold lead sentence."))
    body = models.TextField(_("body"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), blank=True, related_name="principles"
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("emanated from"),
        blank=True,
        related_name="principles",
        help_text=_("The events whose discussions the principle emanated from."),
    )

    objects = PrincipleQuerySet.as_manager()
    # history: registered in principles/translation.py, after the texts' languages (the
    # history then keeps every language).

    class Meta:
        ordering = ["principle_set", "order", "label"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        constraints = [
            models.UniqueConstraint(
                fields=["principle_set", "label"],
                name="principle_label_unique_per_set",
                violation_error_message=_("This set already has a principle with this label."),
            ),
        ]

    def __str__(self):
        return f"({self.label}) {self.headline}"

    def get_absolute_url(self):
        return f"{reverse('principles:list')}#{self.anchor}"

    @property
    def display_label(self):
        return f"({self.label})"

    @property
    def anchor(self):
        return f"principle-{self.principle_set_id}-{self.label}"
