"""Factories for the funding models (donors, contributions, budgets, sponsorships)."""

import datetime
from decimal import Decimal

import factory

from funding.models import (
    BudgetLine,
    Contribution,
    Donor,
    ManualAllocation,
    ProgrammeBudget,
    Sponsorship,
)
from tests.factories import DialogueFactory, MemberStateFactory
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops.models import Registration


class OrganizationDonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor

    kind = Donor.Kind.ORGANIZATION
    name = factory.Sequence(lambda n: f"Foundation {n}")


DonorFactory = OrganizationDonorFactory


class StateDonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor

    kind = Donor.Kind.MEMBER_STATE
    member_state = factory.SubFactory(MemberStateFactory)


class ContributionFactory(factory.django.DjangoModelFactory):
    """Unearmarked, pledged, 10,000 USD for the 2009 dialogue unless told otherwise."""

    class Meta:
        model = Contribution

    donor = factory.SubFactory(OrganizationDonorFactory)
    dialogue = factory.SubFactory(DialogueFactory, year=2009)
    event = None
    amount = Decimal("10000.00")
    currency = "USD"
    rate_to_usd = Decimal("1")
    rate_date = datetime.date(2009, 1, 15)
    status = Contribution.Status.PLEDGED
    pledged_on = datetime.date(2009, 1, 15)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    event = factory.SubFactory(EventFactory)
    category = BudgetLine.Category.SPONSORED_PARTICIPANTS
    amount_usd = Decimal("100000.00")


class ManualAllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManualAllocation

    contribution = factory.SubFactory(ContributionFactory)
    event = factory.SubFactory(EventFactory)
    amount_usd = Decimal("1000.00")


class ProgrammeBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeBudget

    dialogue = factory.SubFactory(DialogueFactory, year=2009)
    amount_usd = Decimal("250000.00")


class SponsorshipFactory(factory.django.DjangoModelFactory):
    """An approved sponsorship of a member-state delegate (2,500 USD)."""

    class Meta:
        model = Sponsorship

    registration = factory.SubFactory(
        RegistrationFactory,
        event=factory.SubFactory(EventFactory),
        category=Registration.Category.MEMBER_STATE,
        member_state=factory.SubFactory(MemberStateFactory),
    )
    status = Sponsorship.Status.APPROVED
    amount_usd = Decimal("2500.00")
