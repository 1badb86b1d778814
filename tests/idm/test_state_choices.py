"""The state list of every form: states only (no territories), IOM member states first (or
observer states first for an observer state's delegate), each group in the reader's
alphabetical order."""

import pycountry
import pytest
from django.utils import translation

from idm.countries import NOT_STATES
from idm.fields import StateChoiceField
from idm.forms import StaffInvitationForm
from idm.models import MemberState
from tests.factories import DelegateFactory, MemberStateFactory

pytestmark = pytest.mark.django_db
Membership = MemberState.Membership


def grouped(field):
    """[(group, [state names])] as the select shows them (the empty choice left out)."""
    return [
        (str(group), [str(label) for _value, label in options])
        for group, options in field.choices
        if group
    ]


def test_territories_are_not_offered():
    MemberStateFactory(code="AQ", name="Antarctica", membership=Membership.NONE)
    MemberStateFactory(code="GL", name="Greenland", membership=Membership.NONE)
    MemberStateFactory(code="FR", name="France", membership=Membership.MEMBER)
    MemberStateFactory(code="NO", name="Norway", membership=Membership.NONE)
    assert list(MemberState.objects.states().values_list("code", flat=True).order_by("code")) == [
        "FR",
        "NO",
    ]


def test_territory_recorded_as_iom_member_by_staff_stays_offered():
    MemberStateFactory(code="HK", name="Hong Kong", membership=Membership.OBSERVER)
    assert MemberState.objects.states().filter(code="HK").exists()


def test_not_states_leaves_the_195_un_member_and_observer_states():
    states = {c.alpha_2 for c in pycountry.countries} - NOT_STATES
    assert len(states) == 195
    assert {"VA", "PS", "CI", "FR"} <= states and not {"AQ", "TW", "PR"} & states


def seed():
    MemberStateFactory(code="EG", name="Egypt", membership=Membership.MEMBER)
    MemberStateFactory(code="CI", name="Côte d'Ivoire", membership=Membership.MEMBER)
    MemberStateFactory(code="CR", name="Costa Rica", membership=Membership.MEMBER)
    MemberStateFactory(
        code="VA", name="Holy See (Vatican City State)", membership=Membership.OBSERVER
    )
    MemberStateFactory(code="ES", name="Spain", membership=Membership.OBSERVER)
    MemberStateFactory(code="NO", name="Norway", membership=Membership.NONE)


def test_member_states_first_in_french_order():
    seed()
    field = StateChoiceField()
    with translation.override("fr"):
        assert grouped(field) == [
            ("États membres de l'OIM", ["Costa Rica", "Côte d'Ivoire", "Égypte"]),
            (
                "États observateurs de l'OIM",
                ["Espagne", "Saint-Siège (état de la cité du Vatican)"],
            ),
            ("Autres États", ["Norvège"]),
        ]


def test_member_states_in_spanish_order():
    seed()
    with translation.override("es"):
        groups = grouped(StateChoiceField())
    assert groups[0][1] == ["Costa de Marfíl", "Costa Rica", "Egipto"]
    assert groups[1][1] == ["España", "Santa Sede (Ciudad Estado del Vaticano)"]


def test_observer_state_delegate_sees_observer_states_first():
    seed()
    delegate = DelegateFactory(member_state=MemberState.objects.get(code="VA"))
    groups = grouped(StateChoiceField(user=delegate))
    assert [group for group, _states in groups] == [
        "IOM observer states",
        "IOM member states",
        "Other states",
    ]


def test_staff_invitation_form_uses_the_state_list():
    seed()
    MemberStateFactory(code="AQ", name="Antarctica", membership=Membership.NONE)
    field = StaffInvitationForm.base_fields["member_state"]
    labels = [label for _group, states in grouped(field) for label in states]
    assert "Antarctica" not in labels and labels[:3] == ["Costa Rica", "Côte d'Ivoire", "Egypt"]
