import pytest
from django.contrib.auth.models import AnonymousUser

from idm.permissions import can_contribute_for, is_delegate_of, is_focal_point_of, is_staff
from tests.factories import (
    DelegateFactory,
    FocalPointFactory,
    MemberStateFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def philippines():
    return MemberStateFactory(code="PH", iso3="PHL", name="Philippines")


def test_is_delegate_of_owner_colleague_outsider(philippines):
    owner = FocalPointFactory(member_state=philippines)
    colleague = DelegateFactory(member_state=philippines)
    outsider = DelegateFactory(member_state=MemberStateFactory(code="MX", iso3="MEX"))
    assert [is_delegate_of(u, philippines) for u in (owner, colleague, outsider)] == [
        True,
        True,
        False,
    ]
    assert is_delegate_of(AnonymousUser(), philippines) is False


def test_is_focal_point_of_only_the_focal_point(philippines):
    owner = FocalPointFactory(member_state=philippines)
    colleague = DelegateFactory(member_state=philippines)
    other_focal = FocalPointFactory(member_state=MemberStateFactory(code="MX", iso3="MEX"))
    assert [is_focal_point_of(u, philippines) for u in (owner, colleague, other_focal)] == [
        True,
        False,
        False,
    ]


def test_can_contribute_for_excludes_viewers(philippines):
    viewer = DelegateFactory(member_state=philippines, delegation_role="viewer")
    contributor = DelegateFactory(member_state=philippines)
    assert (
        can_contribute_for(viewer, philippines),
        can_contribute_for(contributor, philippines),
    ) == (
        False,
        True,
    )


def test_deactivated_delegate_loses_access(philippines):
    delegate = DelegateFactory(member_state=philippines, is_active=False)
    assert is_delegate_of(delegate, philippines) is False


def test_is_staff_requires_active_staff_account():
    assert is_staff(StaffFactory()) is True
    assert is_staff(StaffFactory(is_active=False)) is False
    assert is_staff(UserFactory()) is False
    assert is_staff(AnonymousUser()) is False
