"""A small event with participants of every group, for the list, PDF and check-in tests."""

from idm.models import MemberState
from tests.factories import MemberStateFactory
from tests.workshops.factories import EventFactory, RegistrationFactory
from workshops.models import Registration

Category = Registration.Category


def state(code, iso3, name, membership=MemberState.Membership.MEMBER, region="europe"):
    return MemberStateFactory(code=code, iso3=iso3, name=name, membership=membership, region=region)


def delegate(event, member_state, name, **fields):
    category = (
        Category.OBSERVER_STATE
        if member_state.membership == MemberState.Membership.OBSERVER
        else Category.MEMBER_STATE
    )
    fields.setdefault("listed_publicly", True)
    fields.setdefault("organisation", "Ministry of Foreign Affairs")
    return RegistrationFactory(
        event=event, name=name, category=category, member_state=member_state, **fields
    )


def participant(event, name, category, organisation, **fields):
    fields.setdefault("listed_publicly", True)
    return RegistrationFactory(
        event=event, name=name, category=category, organisation=organisation, **fields
    )


def event_with_participants():
    """Participants registered out of order; their protocol order (English) is PROTOCOL_ORDER."""
    event = EventFactory(
        title="Migrants in Crisis", venue="Palais des Nations", city="Geneva", slug="mic"
    )
    germany = state("DE", "DEU", "Germany")
    costa_rica = state("CR", "CRI", "Costa Rica", region="americas")
    ivory_coast = state("CI", "CIV", "Côte d'Ivoire", region="africa")
    holy_see = state("VA", "VAT", "Holy See", membership=MemberState.Membership.OBSERVER)
    participant(event, "Nora NGO", Category.NGO, "Caritas")
    delegate(event, germany, "Greta Weber", function="Head of delegation")
    participant(event, "Ian Org", Category.INTERNATIONAL_ORGANISATION, "UNHCR")
    delegate(event, holy_see, "Paolo Rossi")
    delegate(event, ivory_coast, "Awa Koné", function="Counsellor")
    participant(event, "Ada Academic", Category.ACADEMIA, "University of Geneva")
    delegate(event, costa_rica, "Carla Mora")
    delegate(event, germany, "Hans Braun")
    return event


# English: Costa Rica, Côte d'Ivoire (accents ignored), Germany; observers; IOs; NGOs; others.
PROTOCOL_ORDER = [
    "Carla Mora",
    "Awa Koné",
    "Greta Weber",
    "Hans Braun",
    "Paolo Rossi",
    "Ian Org",
    "Nora NGO",
    "Ada Academic",
]
