"""Programme core: member states, users, dialogue years and their documents."""

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from idm.countries import localized_country_name


class Language(models.TextChoices):
    """IOM's official languages: the interface and document languages."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


class Region(models.TextChoices):
    """UN M49 regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")
    OTHER = "other", _("Other territories")


class MemberState(models.Model):
    """A country (ISO 3166) and its standing in IOM; staff record who is member or observer."""

    class Membership(models.TextChoices):
        MEMBER = "member", _("Member state")
        OBSERVER = "observer", _("Observer state")
        NONE = "none", _("Not a member")

    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two capital letters of ISO 3166."))],
    )
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=120)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    sub_region = models.CharField(_("sub-region"), max_length=60, blank=True)
    membership = models.CharField(
        _("IOM membership"), max_length=10, choices=Membership.choices, default=Membership.NONE
    )
    sponsorship_eligible = models.BooleanField(
        _("eligible for sponsored participation"),
        default=False,
        help_text=_("Developing country whose officials from capitals may be sponsored."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(membership__in=["member", "observer", "none"]),
                name="memberstate_membership_valid",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The country's name in the active interface language."""
        return localized_country_name(self.name)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in with their email: IOM staff or a member state's delegate."""

    class DelegationRole(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        CONTRIBUTOR = "contributor", _("Contributor")
        VIEWER = "viewer", _("Viewer")

    username = None
    email = models.EmailField(_("email address"), unique=True)
    member_state = models.ForeignKey(
        MemberState,
        verbose_name=_("member state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegates",
    )
    delegation_role = models.CharField(
        _("role in the delegation"),
        max_length=20,
        choices=DelegationRole.choices,
        blank=True,
        help_text=_("The focal point signs off the state's official survey response."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=(
                    models.Q(member_state__isnull=True, delegation_role="")
                    | (models.Q(member_state__isnull=False) & ~models.Q(delegation_role=""))
                ),
                name="user_delegate_has_state_and_role",
                violation_error_message=_(
                    "A delegate needs both a member state and a role in its delegation."
                ),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    @property
    def is_delegate(self):
        return self.member_state_id is not None

    @property
    def is_focal_point(self):
        return self.is_delegate and self.delegation_role == self.DelegationRole.FOCAL_POINT


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
