"""Dialogue years and their official documents."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from idm.content_languages import EnglishOriginal
from idm.models.states import Language

# What a document file may be, and the first bytes each kind of file starts with.
DOCUMENT_FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0",),
    "ppt": (b"\xd0\xcf\x11\xe0",),
    "xls": (b"\xd0\xcf\x11\xe0",),
    "rtf": (b"{\\rtf",),
    "txt": (),
}
DEFAULT_DOCUMENT_MAX_BYTES = 25 * 1024 * 1024


def document_max_bytes():
    return getattr(settings, "IDM_DOCUMENT_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES)


def validate_document_file(upload):
    """A document file must be small enough, of an allowed type, and be what its name says.

    Checked when it is uploaded: a file already in the storage (a later edit of the document's
    other fields) is neither fetched from the storage again nor refused if it went missing."""
    if getattr(upload, "_committed", False):
        return
    limit = document_max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in DOCUMENT_FILE_SIGNATURES:
        raise ValidationError(
            _("Files of type “%(extension)s” are not accepted. Allowed types: %(allowed)s."),
            code="file_type",
            params={
                "extension": extension or "?",
                "allowed": ", ".join(sorted(DOCUMENT_FILE_SIGNATURES)),
            },
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not file_content_matches(extension, head, upload):
        raise ValidationError(
            _("The file's content is not a valid %(extension)s file."),
            code="file_content",
            params={"extension": extension.upper()},
        )


def file_content_matches(extension, head, upload):
    signatures = DOCUMENT_FILE_SIGNATURES[extension]
    if signatures:
        return any(head.startswith(signature) for signature in signatures)
    # Plain text: UTF-8 without NUL bytes (a renamed binary is refused).
    sample = upload.read(64 * 1024)
    upload.seek(0)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        # The sample may cut a multi-byte character in two at its end.
        try:
            text = sample[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return "\x00" not in text


class DialogueQuerySet(models.QuerySet):
    def current(self):
        """The dialogue year the portal features: the most recent one."""
        return self.order_by("-year").first()


class Dialogue(EnglishOriginal, models.Model):
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
        return _("IDM %(year)s: %(theme)s") % {"year": self.year, "theme": self.theme}


class DocumentQuerySet(models.QuerySet):
    def language_versions_of(self, document):
        """Every language version of the same document: same symbol, revision and addendum."""
        if not document.symbol:
            return self.filter(pk=document.pk)
        return self.filter(
            symbol=document.symbol, revision=document.revision, addendum=document.addendum
        ).order_by("language")


class Document(EnglishOriginal, models.Model):
    """An official document (e.g. IC/2008/6, MC/2266/Rev.1) in one language.

    The language versions of a document share its symbol, revision and addendum; a revision
    (Rev.1) replaces an earlier text, an addendum (Add.1) completes it.
    """

    class Kind(models.TextChoices):
        DISCUSSION_NOTE = "discussion_note", _("Discussion note")
        BACKGROUND_PAPER = "background_paper", _("Background paper")
        REPORT = "report", _("Report")
        AGENDA = "agenda", _("Agenda")
        PRESENTATION = "presentation", _("Presentation")
        SUMMARY = "summary", _("Summary")
        STATEMENT = "statement", _("Statement")
        PROJECT_DOCUMENT = "project_document", _("Project document")
        BUDGET = "budget", _("Budget")
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
    revision = models.PositiveSmallIntegerField(
        _("revision"),
        default=0,
        help_text=_("1 for Rev.1, and so on; 0 for the original text."),
    )
    addendum = models.PositiveSmallIntegerField(
        _("addendum"),
        default=0,
        help_text=_("1 for Add.1, and so on; 0 if this is not an addendum."),
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
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        blank=True,
        validators=[validate_document_file],
        help_text=_("PDF, Word, PowerPoint, Excel, OpenDocument, RTF or plain text."),
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-dialogue__year", "symbol", "revision", "addendum", "title", "language"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["symbol", "revision", "addendum", "language"],
                condition=~models.Q(symbol=""),
                name="document_symbol_language_unique",
                violation_error_message=_("A document with this symbol and language exists."),
            ),
            models.CheckConstraint(
                condition=~models.Q(symbol="") | models.Q(revision=0, addendum=0),
                name="document_revision_needs_symbol",
                violation_error_message=_("A revision or addendum needs a document symbol."),
            ),
            models.CheckConstraint(
                condition=models.Q(status="forthcoming") | ~models.Q(file="") | ~models.Q(url=""),
                name="document_published_has_file_or_link",
                violation_error_message=_("A published document needs a file or a link."),
            ),
        ]

    def __str__(self):
        return f"{self.full_symbol} {self.title}".strip()

    @property
    def full_symbol(self):
        """The symbol with its revision and addendum, as printed: IC/2008/6/Rev.1/Add.2."""
        if not self.symbol:
            return ""
        parts = [self.symbol]
        if self.revision:
            parts.append(f"Rev.{self.revision}")
        if self.addendum:
            parts.append(f"Add.{self.addendum}")
        return "/".join(parts)

    @property
    def edition_key(self):
        """What the language versions of one document share."""
        if not self.symbol:
            return ("document", self.pk)
        return (self.symbol, self.revision, self.addendum)

    @property
    def href(self):
        """Where a reader gets the document: the uploaded file, else the link. The file of a
        forthcoming document is not served yet (document_file refuses it): no link to it."""
        if self.file and self.pk and self.status == self.Status.PUBLISHED:
            return reverse("document-file", args=[self.pk])
        return self.url
