"""Countries and their standing in IOM."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from idm.countries import NOT_STATES, localized_country_name


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


class MemberStateQuerySet(models.QuerySet):
    def states(self):
        """Sovereign states only: the UN's members and observers (idm.countries.NOT_STATES
        lists the territories left out), and anything staff recorded as an IOM member or
        observer."""
        return self.exclude(
            models.Q(code__in=NOT_STATES) & models.Q(membership=MemberState.Membership.NONE)
        )


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

    objects = MemberStateQuerySet.as_manager()
    history = HistoricalRecords()

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
