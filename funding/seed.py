"""The funding app's part of the seed (`seed_idm` calls `load()` of every app's seed module).

The IDM 2009 discussion note states the funding approach (the Administration seeks funding
yearly for the whole workshop programme; donors may earmark a contribution to one workshop; a
project document and two separate budgets, one per workshop) but gives no figures and names
no donor. So the two 2009 workshops get illustrative budgets, every line marked as a demo
figure (`is_demo`), and the year a demo programme budget, and no contribution is invented:
the workshops read "subject to available funding" because their numbers say so.

Idempotent: a line is created when missing and updated only while it is still a demo figure;
a line staff have replaced with an approved figure (`is_demo` off) is left alone.
"""

from decimal import Decimal

from funding.models import BudgetLine, ProgrammeBudget
from idm.models import Dialogue
from idm.seed import upsert
from workshops.models import Event

DEMO_LINE_DESCRIPTION = "Demo figure loaded by seed_idm: not an approved budget."
C = BudgetLine.Category

# Illustrative USD figures; most of the money pays for the participation of developing-country
# officials from capitals, as the note says.
DEMO_BUDGETS = {
    "2009-human-rights-of-migrants": {
        C.SPONSORED_PARTICIPANTS: Decimal("150000.00"),
        C.VENUE: Decimal("12000.00"),
        C.INTERPRETATION: Decimal("28000.00"),
        C.DOCUMENTATION: Decimal("10000.00"),
        C.STAFF_TRAVEL: Decimal("5000.00"),
        C.OTHER: Decimal("5000.00"),
    },
    "2009-trafficking-and-exploitation-of-migrants": {
        C.SPONSORED_PARTICIPANTS: Decimal("140000.00"),
        C.VENUE: Decimal("12000.00"),
        C.INTERPRETATION: Decimal("28000.00"),
        C.DOCUMENTATION: Decimal("9000.00"),
        C.STAFF_TRAVEL: Decimal("6000.00"),
        C.OTHER: Decimal("5000.00"),
    },
}

DEMO_PROGRAMME_YEAR = 2009
DEMO_PROGRAMME_DESCRIPTION = (
    "Demo figures loaded by seed_idm, not an approved budget: the sum of the two 2009 "
    "workshops' demo budgets. The funding approach of the IDM 2009 discussion note: the "
    "Administration seeks funding on a yearly basis for the entire IDM workshop programme, "
    "while some donors may wish to earmark their contribution to a specific workshop; a "
    "project document and two separate budgets were developed and made available to the "
    "Membership at the informal consultations. The majority of the funding supports the "
    "participation of developing country officials from capitals."
)


def load(*, demo=False, stdout=None):
    load_demo_budgets()


def load_demo_budgets():
    events = {event.slug: event for event in Event.objects.filter(slug__in=DEMO_BUDGETS)}
    for slug, lines in DEMO_BUDGETS.items():
        event = events.get(slug)
        if event is None:
            continue
        for category, amount in lines.items():
            keep_approved_or_set_demo(
                BudgetLine,
                {"event": event, "category": category},
                {"amount_usd": amount, "description": DEMO_LINE_DESCRIPTION, "is_demo": True},
            )
    dialogue = Dialogue.objects.filter(year=DEMO_PROGRAMME_YEAR).first()
    if dialogue is not None:
        total = sum((sum(lines.values()) for lines in DEMO_BUDGETS.values()), Decimal("0.00"))
        keep_approved_or_set_demo(
            ProgrammeBudget,
            {"dialogue": dialogue},
            {"amount_usd": total, "description": DEMO_PROGRAMME_DESCRIPTION, "is_demo": True},
        )


def keep_approved_or_set_demo(model, lookup, values):
    """Create the demo row, or bring it to the seed's figures while it is still a demo."""
    row = model.objects.filter(**lookup).first()
    if row is not None and not row.is_demo:
        return row
    return upsert(model, lookup, values)
