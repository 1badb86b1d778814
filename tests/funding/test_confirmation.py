"""Staff confirm an event once it is funded (funding.services.confirm_funded_event)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from funding import services
from tests.factories import StaffFactory
from tests.funding.factories import BudgetLineFactory, ContributionFactory
from tests.workshops.factories import EventFactory
from workshops.models import Event

pytestmark = pytest.mark.django_db


def event_with(budget, funded, status=Event.Status.PROPOSED):
    event = EventFactory(status=status)
    if budget:
        BudgetLineFactory(event=event, amount_usd=Decimal(budget))
    if funded:
        ContributionFactory(dialogue=event.dialogue, event=event, amount=Decimal(funded))
    return event


def test_confirm_funded_proposed_event_records_who():
    staff = StaffFactory()
    event = event_with("1000.00", "1000.00")
    confirmed = services.confirm_funded_event(event=event, actor=staff)
    assert confirmed.status == Event.Status.CONFIRMED
    assert event.history.latest().history_user == staff


@pytest.mark.parametrize(
    ("budget", "funded", "status", "message"),
    [
        ("1000.00", "999.99", "proposed", "This event is not funded yet: 0.01 USD are missing."),
        (None, "10.00", "proposed", "This event has no budget yet: record its budget first."),
        (
            "1000.00",
            "1000.00",
            "held",
            "Only a proposed event can be confirmed; this one is “Held”.",
        ),
    ],
)
def test_confirm_refused_with_reason(budget, funded, status, message):
    event = event_with(budget, funded, status)
    with pytest.raises(ValidationError) as refused:
        services.confirm_funded_event(event=event, actor=StaffFactory())
    assert refused.value.messages == [message]
    event.refresh_from_db()
    assert event.status == status
