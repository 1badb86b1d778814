"""The funding app's named permissions (funding/rules.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, StaffFactory
from tests.workshops.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

STAFF_ONLY = ["funding.view_funding_report", "funding.view_amounts", "funding.decide_sponsorship"]


@pytest.mark.parametrize("permission", STAFF_ONLY)
def test_staff_permissions_staff_only(permission):
    assert StaffFactory().has_perm(permission)
    assert not StaffFactory(is_active=False).has_perm(permission)
    assert not DelegateFactory().has_perm(permission)
    assert not FocalPointFactory().has_perm(permission)
    assert not AnonymousUser().has_perm(permission)


def test_request_sponsorship_registrant_or_focal_point_of_its_state():
    state = MemberStateFactory(code="PH")
    registrant = DelegateFactory(member_state=state)
    registration = RegistrationFactory(member_state=state, user=registrant, email=registrant.email)
    by_email = RegistrationFactory(member_state=state, email=registrant.email.upper())
    focal_point = FocalPointFactory(member_state=state)
    colleague = DelegateFactory(member_state=state)
    outsider = FocalPointFactory(member_state=MemberStateFactory(code="MX"))

    def may(user, obj=registration):
        return user.has_perm("funding.request_sponsorship", obj)

    assert may(registrant)
    assert may(registrant, by_email)  # registered with the account's email, not signed in
    assert may(focal_point)
    assert not may(colleague)  # a colleague who is not the focal point
    assert not may(outsider)  # another state's focal point
    assert not may(AnonymousUser())
    assert not may(registrant, None)


def test_request_sponsorship_account_of_another_person_with_same_email_refused():
    state = MemberStateFactory(code="PH")
    owner = DelegateFactory(member_state=state)
    other = DelegateFactory(member_state=state)
    registration = RegistrationFactory(member_state=state, user=owner, email=other.email)
    assert not other.has_perm("funding.request_sponsorship", registration)
