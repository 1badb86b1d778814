import datetime
from decimal import Decimal

import factory

from funding.models import BudgetLine, Contribution, Donor, ManualAllocation, ProgrammeBudget
from tests.factories import DialogueFactory, MemberStateFactory
from tests.workshops.factories import EventFactory


class DonorFactory(factory.django.DjangoModelFactory):
    """Another organization that funds the IDM."""

    class Meta:
        model = Donor

    kind = Donor.Kind.ORGANIZATION
    name = factory.Sequence(lambda n: f"Foundation {n}")


class StateDonorFactory(DonorFactory):
    kind = Donor.Kind.MEMBER_STATE
    name = ""
    member_state = factory.SubFactory(MemberStateFactory)


class ContributionFactory(factory.django.DjangoModelFactory):
    """An unearmarked USD contribution to IDM 2009, pledged and not public."""

    class Meta:
        model = Contribution

    donor = factory.SubFactory(DonorFactory)
    dialogue = factory.SubFactory(DialogueFactory, year=2009)
    amount = Decimal("10000.00")
    currency = "USD"
    rate_to_usd = Decimal("1")
    rate_date = datetime.date(2009, 1, 15)
    pledged_on = datetime.date(2009, 1, 15)
    status = Contribution.Status.PLEDGED


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
    amount_usd = Decimal("400000.00")
