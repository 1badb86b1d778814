import pytest

from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, UserFactory
from tests.idm.factories import InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster():
    philippines = MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    mexico = MemberStateFactory(code="MX", iso3="MEX", name="Mexico")
    owner = FocalPointFactory(
        member_state=philippines, email="owner@ph.example.org", last_name="Alpha"
    )
    DelegateFactory(member_state=philippines, email="colleague@ph.example.org", last_name="Beta")
    DelegateFactory(member_state=philippines, email="gone@ph.example.org", is_active=False)
    outsider = FocalPointFactory(member_state=mexico, email="outsider@mx.example.org")
    InvitationFactory(member_state=philippines, email="invited@ph.example.org", invited_by=owner)
    return {"owner": owner, "outsider": outsider}


def test_api_delegations_delegate_sees_only_own_roster(api_client, roster):
    api_client.force_authenticate(roster["owner"])
    body = api_client.get("/api/v1/delegations/").json()
    assert body["count"] == 1
    delegation = body["results"][0]
    assert delegation["code"] == "PH"
    assert [(d["email"], d["role"]) for d in delegation["delegates"]] == [
        ("owner@ph.example.org", "focal_point"),
        ("colleague@ph.example.org", "contributor"),
    ]
    assert [i["email"] for i in delegation["pending_invitations"]] == ["invited@ph.example.org"]


def test_api_delegations_outsider_gets_404_for_other_state(api_client, roster):
    api_client.force_authenticate(roster["outsider"])
    assert api_client.get("/api/v1/delegations/PH/").status_code == 404
    body = api_client.get("/api/v1/delegations/").json()
    assert [d["code"] for d in body["results"]] == ["MX"]


def test_api_delegations_staff_see_all(api_client, roster, staff_user):
    api_client.force_authenticate(staff_user)
    body = api_client.get("/api/v1/delegations/").json()
    assert [d["code"] for d in body["results"]] == ["MX", "PH"]


def test_api_delegations_refuse_anonymous_and_accounts_without_state(api_client, roster):
    anonymous = api_client.get("/api/v1/delegations/")
    assert (anonymous.status_code, anonymous["WWW-Authenticate"]) == (401, "Token")
    api_client.force_authenticate(UserFactory())
    assert api_client.get("/api/v1/delegations/").status_code == 403


def test_api_delegations_read_only(api_client, roster):
    api_client.force_authenticate(roster["owner"])
    assert api_client.post("/api/v1/delegations/", {}).status_code == 405


def test_api_delegations_listed_in_root(api_client):
    assert api_client.get("/api/v1/").json()["delegations"].endswith("/api/v1/delegations/")


def test_api_delegations_queries_bounded(api_client, staff_user, django_assert_num_queries):
    api_client.force_authenticate(staff_user)

    def make(n):
        for _i in range(n):
            state = MemberStateFactory()
            DelegateFactory(member_state=state)
            InvitationFactory(member_state=state)

    make(1)
    with django_assert_num_queries(4) as one:
        assert api_client.get("/api/v1/delegations/").json()["count"] == 1
    make(19)
    with django_assert_num_queries(len(one.captured_queries)):
        assert api_client.get("/api/v1/delegations/").json()["count"] == 20
