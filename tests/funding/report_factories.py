"""A 2009 dialogue with money for the report tests: two workshops, three donors in three
currencies (one earmarked), approved sponsorships from three regions.

The allocation, worked by hand:
- Trafficking (25 March): budget 80,000; earmarked by Switzerland 50,000 CHF x 0.92 = 46,000
  USD; its gap of 34,000 is covered automatically by the Ford Foundation (pledged first).
- Return migration (9 July): budget 50,000; the rest of Ford's 30,000 EUR x 1.3125 = 39,375 USD,
  i.e. 5,375, then 44,625 of Australia's 100,000 USD.
- Unearmarked balance (the year's surplus): 100,000 - 44,625 = 55,375 USD.
- Sponsorships: Ghana 3,000 and Philippines 2,500 at Trafficking, Peru 2,000 at Return
  migration (approved); one more request at Trafficking is not approved.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from funding.models import BudgetLine, Contribution, Sponsorship
from tests.factories import DialogueFactory, MemberStateFactory
from tests.funding.factories import (
    BudgetLineFactory,
    ContributionFactory,
    OrganizationDonorFactory,
    SponsorshipFactory,
    StateDonorFactory,
)
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops.models import Registration

Category = BudgetLine.Category


@dataclass
class FundedYear:
    dialogue: object
    trafficking: object
    return_migration: object
    switzerland: object  # Contribution, earmarked, CHF
    ford: object  # Contribution, unearmarked, EUR
    australia: object  # Contribution, unearmarked, USD


def sponsored(
    event,
    state,
    name,
    amount,
    *,
    status=Sponsorship.Status.APPROVED,
    registration_status=Registration.Status.CONFIRMED,
):
    registration = RegistrationFactory(
        event=event,
        name=name,
        category=Registration.Category.MEMBER_STATE,
        member_state=state,
        status=registration_status,
    )
    return SponsorshipFactory(
        registration=registration,
        status=status,
        amount_usd=Decimal(amount) if status == Sponsorship.Status.APPROVED else None,
    )


def funded_year():
    dialogue = DialogueFactory(year=2009, theme="Migration for development")
    trafficking = EventFactory(
        dialogue=dialogue,
        title="Effective Respect for Migrants' Rights: Trafficking",
        slug="2009-trafficking",
        start_date=datetime.date(2009, 3, 25),
        end_date=datetime.date(2009, 3, 26),
    )
    return_migration = EventFactory(
        dialogue=dialogue,
        title="Managing Return Migration",
        slug="2009-return",
        start_date=datetime.date(2009, 7, 9),
        end_date=datetime.date(2009, 7, 10),
    )
    BudgetLineFactory(
        event=trafficking, category=Category.SPONSORED_PARTICIPANTS, amount_usd=Decimal("60000.00")
    )
    BudgetLineFactory(event=trafficking, category=Category.VENUE, amount_usd=Decimal("20000.00"))
    BudgetLineFactory(
        event=return_migration,
        category=Category.SPONSORED_PARTICIPANTS,
        amount_usd=Decimal("40000.00"),
    )
    BudgetLineFactory(
        event=return_migration, category=Category.INTERPRETATION, amount_usd=Decimal("10000.00")
    )
    switzerland_state = MemberStateFactory(
        code="CH", iso3="CHE", name="Switzerland", region="europe"
    )
    switzerland = ContributionFactory(
        donor=StateDonorFactory(member_state=switzerland_state),
        dialogue=dialogue,
        event=trafficking,
        amount=Decimal("50000.00"),
        currency="CHF",
        rate_to_usd=Decimal("0.92"),
        pledged_on=datetime.date(2009, 1, 5),
        agreement_reference="CH-IDM-2009",
    )
    ford = ContributionFactory(
        donor=OrganizationDonorFactory(name="Ford Foundation"),
        dialogue=dialogue,
        amount=Decimal("30000.00"),
        currency="EUR",
        rate_to_usd=Decimal("1.3125"),
        pledged_on=datetime.date(2009, 1, 10),
        status=Contribution.Status.RECEIVED,
        received_on=datetime.date(2009, 2, 20),
    )
    australia_state = MemberStateFactory(code="AU", iso3="AUS", name="Australia", region="oceania")
    australia = ContributionFactory(
        donor=StateDonorFactory(member_state=australia_state),
        dialogue=dialogue,
        amount=Decimal("100000.00"),
        currency="USD",
        pledged_on=datetime.date(2009, 2, 1),
        is_public=True,
    )
    ghana = MemberStateFactory(code="GH", iso3="GHA", name="Ghana", region="africa")
    philippines = MemberStateFactory(code="PH", iso3="PHL", name="Philippines", region="asia")
    peru = MemberStateFactory(code="PE", iso3="PER", name="Peru", region="americas")
    sponsored(
        trafficking,
        ghana,
        "Kwame Mensah",
        "3000.00",
        registration_status=Registration.Status.ATTENDED,
    )
    sponsored(trafficking, philippines, "Maria Santos", "2500.00")
    sponsored(trafficking, ghana, "Ama Owusu", "0", status=Sponsorship.Status.REQUESTED)
    sponsored(return_migration, peru, "Luis Quispe", "2000.00")
    return FundedYear(dialogue, trafficking, return_migration, switzerland, ford, australia)
