"""Key policy principles per dialogue year: ordered, lettered, with headline and body."""

from django.db import connection, models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.models import Dialogue
from workshops.models import Event


class Topic(models.Model):
    """A subject that principles address, used to filter them (e.g. Reintegration)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("web address"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name


class PrincipleSet(models.Model):
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
        return f"{self.title} (IDM {self.dialogue.year})"


class PrincipleQuerySet(models.QuerySet):
    def search(self, text):
        """Full-text search (English stemming) on PostgreSQL; word by word elsewhere.

        Principles are kept when the text matches (`@@`), then ordered by rank: a rank above
        zero is no match, since PostgreSQL gives tiny non-zero ranks to documents that match
        no word of a multi-word query. The fallback keeps principles holding every word."""
        text = (text or "").strip()
        if not text:
            return self
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

            vector = SearchVector("headline", weight="A", config="english") + SearchVector(
                "body", weight="B", config="english"
            )
            query = SearchQuery(text, config="english", search_type="websearch")
            return (
                self.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
                .filter(search_vector=query)
                .order_by("-search_rank", "principle_set", "order")
            )
        matches = self
        for word in text.split():
            matches = matches.filter(Q(headline__icontains=word) | Q(body__icontains=word))
        return matches


class Principle(models.Model):
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
    history = HistoricalRecords()

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
