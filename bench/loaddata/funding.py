"""Donors, contributions and budgets for every year of load data."""

import datetime
from decimal import Decimal

from bench.loaddata.common import PREFIX, raw_delete
from funding.models import BudgetLine, Contribution, Donor, Sponsorship
from workshops.models import Registration

RATES = {"USD": Decimal("1"), "EUR": Decimal("1.08350000"), "CHF": Decimal("1.13120000")}


def load(years, events_, states, rng):
    donors = [Donor(kind=Donor.Kind.ORGANIZATION, name=f"{PREFIX}foundation {n}") for n in range(5)]
    donors += [
        Donor(kind=Donor.Kind.MEMBER_STATE, member_state=state, notes=PREFIX)
        for state in states[:20]
        if not Donor.objects.filter(member_state=state).exists()
    ]
    Donor.objects.bulk_create(donors)
    donors = list(Donor.objects.filter(name__startswith=PREFIX)) + list(
        Donor.objects.filter(member_state__in=states[:20])
    )
    lines = [
        BudgetLine(event=event, category=category, amount_usd=Decimal(rng.randrange(5, 80) * 1000))
        for event in events_
        for category in (
            BudgetLine.Category.SPONSORED_PARTICIPANTS,
            BudgetLine.Category.VENUE,
            BudgetLine.Category.INTERPRETATION,
        )
    ]
    BudgetLine.objects.bulk_create(lines, batch_size=1000)
    by_year = {}
    for event in events_:
        by_year.setdefault(event.dialogue_id, []).append(event)
    contributions = []
    for dialogue in years:
        for n in range(6):
            currency = list(RATES)[n % 3]
            day = datetime.date(dialogue.year, 1, 15 + n)
            earmarked = by_year.get(dialogue.pk) and n % 2 == 0
            contributions.append(
                Contribution(
                    donor=donors[(dialogue.year + n) % len(donors)],
                    dialogue=dialogue,
                    event=rng.choice(by_year[dialogue.pk]) if earmarked else None,
                    amount=Decimal(rng.randrange(10, 120) * 1000),
                    currency=currency,
                    rate_to_usd=RATES[currency],
                    rate_date=day,
                    pledged_on=day,
                    status=Contribution.Status.RECEIVED,
                    received_on=day + datetime.timedelta(days=30),
                    agreement_reference=f"{PREFIX}{dialogue.year}-{n}",
                    is_public=n % 2 == 0,
                )
            )
    Contribution.objects.bulk_create(contributions, batch_size=1000)
    sponsored = Registration.objects.filter(
        event__in=events_, member_state__sponsorship_eligible=True
    ).values_list("pk", flat=True)[: len(events_) * 5]
    Sponsorship.objects.bulk_create(
        [
            Sponsorship(
                registration_id=pk,
                status=Sponsorship.Status.APPROVED,
                amount_usd=Decimal("2400.00"),
            )
            for pk in sponsored
        ],
        batch_size=1000,
    )


def remove():
    raw_delete(Sponsorship.objects.filter(registration__email__startswith=PREFIX))
    Contribution.objects.filter(agreement_reference__startswith=PREFIX).delete()
    raw_delete(BudgetLine.objects.filter(event__slug__startswith=PREFIX))
    Donor.objects.filter(name__startswith=PREFIX).delete()
    Donor.objects.filter(notes=PREFIX, contributions__isnull=True).delete()
