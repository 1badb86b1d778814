"""The delegate area: who reaches which page and sees what (owner, colleague, outsider,
anonymous, staff), and bounded queries on the lists."""

import pytest
from django.urls import reverse

from tests.factories import DelegateFactory, FocalPointFactory, MemberStateFactory, UserFactory
from tests.helpers import count_queries
from tests.idm.factories import InvitationFactory, verify_staff_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    philippines = MemberStateFactory(code="PH", iso3="PHL", name="Philippines")
    mexico = MemberStateFactory(code="MX", iso3="MEX", name="Mexico")
    owner = FocalPointFactory(member_state=philippines, email="owner@ph.example.org")
    colleague = DelegateFactory(member_state=philippines, email="colleague@ph.example.org")
    outsider = FocalPointFactory(member_state=mexico, email="outsider@mx.example.org")
    DelegateFactory(member_state=mexico, email="secret.colleague@mx.example.org")
    InvitationFactory(member_state=philippines, email="invited@ph.example.org", invited_by=owner)
    InvitationFactory(member_state=mexico, email="invited@mx.example.org", invited_by=outsider)
    return {"owner": owner, "colleague": colleague, "outsider": outsider, "anonymous": None}


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


def ph_invitation_pk():
    from idm.models import Invitation

    return Invitation.objects.get(email="invited@ph.example.org").pk


# (method, url, {who: expected status}); 302 = to the login page for anonymous.
ROUTES = [
    ("get", "/delegation/", {"owner": 302, "colleague": 302, "outsider": 302, "anonymous": 302}),
    (
        "get",
        "/delegations/PH/",
        {"owner": 200, "colleague": 200, "outsider": 404, "anonymous": 302},
    ),
    (
        "get",
        "/delegations/ph/",
        {"owner": 200, "colleague": 200, "outsider": 404, "anonymous": 302},
    ),
    ("get", "/delegations/", {"owner": 403, "colleague": 403, "outsider": 403, "anonymous": 302}),
    (
        "post",
        "/delegations/PH/",
        {"owner": 302, "colleague": 403, "outsider": 404, "anonymous": 302},
    ),
    (
        "post",
        "/delegations/PH/invitations/{invitation}/revoke/",
        {"owner": 302, "colleague": 403, "outsider": 404, "anonymous": 302},
    ),
    (
        "post",
        "/delegations/PH/members/{colleague}/deactivate/",
        {"owner": 403, "colleague": 403, "outsider": 404, "anonymous": 302},
    ),
    ("get", "/accounts/", {"owner": 200, "colleague": 200, "outsider": 200, "anonymous": 302}),
    (
        "get",
        "/api/v1/delegations/",
        {"owner": 200, "colleague": 200, "outsider": 200, "anonymous": 401},
    ),
    (
        "get",
        "/api/v1/delegations/PH/",
        {"owner": 200, "colleague": 200, "outsider": 404, "anonymous": 401},
    ),
]


@pytest.mark.parametrize("who", ["owner", "colleague", "outsider", "anonymous"])
@pytest.mark.parametrize(("method", "url", "expected"), ROUTES, ids=[r[1] + r[0] for r in ROUTES])
def test_delegation_route_matrix(client, people, who, method, url, expected):
    url = url.format(invitation=ph_invitation_pk(), colleague=people["colleague"].pk)
    data = {"email": "fresh@example.org", "role": "viewer"} if method == "post" else None
    response = getattr(client_for(client, people[who]), method)(url, data)
    assert response.status_code == expected[who], response.content[:300]
    if who == "anonymous" and expected[who] == 302:
        assert response.url.startswith("/accounts/login/")
    body = response.content.decode()
    if who == "outsider" or who == "anonymous":
        for leaked in (
            "owner@ph.example.org",
            "colleague@ph.example.org",
            "invited@ph.example.org",
        ):
            assert leaked not in body
    if who != "outsider":
        for leaked in ("secret.colleague@mx.example.org", "invited@mx.example.org"):
            assert leaked not in body


def test_delegation_my_delegation_redirects_to_own_state(client, people):
    client.force_login(people["outsider"])
    assert client.get("/delegation/").url == "/delegations/MX/"


def test_delegation_my_delegation_without_state_explains(client):
    client.force_login(UserFactory())
    response = client.get("/delegation/")
    assert response.status_code == 200
    assert "does not belong to a member state's delegation" in response.content.decode()


def test_delegation_detail_lists_colleagues_roles_and_invitations(client, people):
    client.force_login(people["colleague"])
    response = client.get("/delegations/PH/")
    assert [m.email for m in response.context["members"]] == [
        "owner@ph.example.org",
        "colleague@ph.example.org",
    ]
    assert [i.email for i in response.context["invitations"]] == ["invited@ph.example.org"]
    content = response.content.decode()
    assert "Focal point" in content and "Contributor" in content
    assert response.context["form"] is None
    assert "Revoke" not in content


def test_delegation_detail_focal_point_sees_invite_form_and_revoke(client, people):
    client.force_login(people["owner"])
    response = client.get("/delegations/PH/")
    assert [choice for choice, _label in response.context["form"].fields["role"].choices] == [
        "contributor",
        "viewer",
    ]
    assert "Revoke" in response.content.decode()
    assert "Deactivate" not in response.content.decode()


def test_delegation_deactivated_member_hidden_from_colleagues(client, people):
    DelegateFactory(
        member_state=people["owner"].member_state, email="gone@ph.example.org", is_active=False
    )
    client.force_login(people["colleague"])
    assert "gone@ph.example.org" not in client.get("/delegations/PH/").content.decode()


def test_delegation_staff_deactivates_member_with_history(staff_client, staff_user, people):
    colleague = people["colleague"]
    response = staff_client.post(
        reverse("deactivate_account", args=["PH", colleague.pk]), follow=True
    )
    assert "is deactivated" in response.content.decode()
    colleague.refresh_from_db()
    assert colleague.is_active is False
    latest = colleague.history.latest()
    assert (latest.is_active, latest.history_user) == (False, staff_user)
    assert "Deactivated" in staff_client.get("/delegations/PH/").content.decode()


def test_delegation_staff_list_counts(staff_client, people):
    response = staff_client.get("/delegations/")
    rows = {s.code: (s.delegate_count, s.pending_count) for s in response.context["states"]}
    assert rows == {"PH": (2, 1), "MX": (2, 1)}


def test_delegation_staff_invites_from_overview(staff_client, people):
    mexico = people["outsider"].member_state
    response = staff_client.post(
        "/delegations/",
        {"member_state": mexico.pk, "email": "new@mx.example.org", "role": "focal_point"},
    )
    assert response.status_code == 302 and response.url == "/delegations/MX/"
    from idm.models import Invitation

    assert Invitation.objects.filter(email="new@mx.example.org", role="focal_point").exists()


def test_delegation_staff_overview_invalid_keeps_input(staff_client, people):
    response = staff_client.post(
        "/delegations/", {"member_state": "", "email": "new@mx.example.org", "role": "viewer"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["member_state"] == ["This field is required."]
    assert 'value="new@mx.example.org"' in response.content.decode()


def make_delegation(n):
    state = MemberStateFactory()
    for _i in range(n):
        DelegateFactory(member_state=state)
        InvitationFactory(member_state=state)
    return state


def test_delegation_detail_queries_bounded(client):
    small, large = make_delegation(1), make_delegation(20)
    viewer_small = DelegateFactory(member_state=small)
    viewer_large = DelegateFactory(member_state=large)
    client.force_login(viewer_small)
    queries_small = count_queries(client, f"/delegations/{small.code}/")
    client.force_login(viewer_large)
    queries_large = count_queries(client, f"/delegations/{large.code}/")
    assert queries_small == queries_large


def test_delegation_list_queries_bounded(client, staff_user):
    client.force_login(staff_user)
    verify_staff_session(client, staff_user)
    make_delegation(1)
    queries_one = count_queries(client, "/delegations/")
    for _i in range(19):
        make_delegation(2)
    queries_twenty = count_queries(client, "/delegations/")
    assert queries_one == queries_twenty
    assert len(client.get("/delegations/").context["states"]) == 20
