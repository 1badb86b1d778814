"""Factories for the funding app's money and sponsorships (used by the sponsorship tests)."""

import datetime
from decimal import Decimal

import factory

from funding.models import (
    BudgetLine,
    Contribution,
    Donor,
    ProgrammeBudget,
    Sponsorship,
    SponsorshipEligibility,
)
from idm.models import Region
from tests.factories import DialogueFactory, MemberStateFactory
from tests.workshops.factories import OpenEventFactory, RegistrationFactory
from workshops.models import Registration


class EligibleStateFactory(MemberStateFactory):
    sponsorship_eligible = True
    region = Region.AFRICA


class DonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor

    kind = Donor.Kind.ORGANIZATION
    name = factory.Sequence(lambda n: f"Foundation {n}")


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    donor = factory.SubFactory(DonorFactory)
    dialogue = factory.SubFactory(DialogueFactory, year=2099)
    amount = Decimal("10000.00")
    currency = "USD"
    rate_to_usd = Decimal("1")
    rate_date = datetime.date(2099, 1, 15)
    pledged_on = datetime.date(2099, 1, 15)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    event = factory.SubFactory(OpenEventFactory)
    category = BudgetLine.Category.SPONSORED_PARTICIPANTS
    amount_usd = Decimal("5000.00")


class ProgrammeBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeBudget

    dialogue = factory.SubFactory(DialogueFactory, year=2099)
    amount_usd = Decimal("100000.00")


class EligibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SponsorshipEligibility

    member_state = factory.SubFactory(EligibleStateFactory)
    dialogue = factory.SubFactory(DialogueFactory, year=2099)
    eligible = True


class DelegateRegistrationFactory(RegistrationFactory):
    """A delegate of an eligible member state, in person, at an open event."""

    category = Registration.Category.MEMBER_STATE
    member_state = factory.SubFactory(EligibleStateFactory)
    organisation = "Ministry of Labour"


class SponsorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sponsorship

    registration = factory.SubFactory(DelegateRegistrationFactory)
    justification = "Comes from the capital."


def sponsorship_line(event, amount):
    """The event's sponsored-participants budget line of `amount` USD."""
    return BudgetLineFactory(event=event, amount_usd=Decimal(amount))
