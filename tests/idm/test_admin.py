import pytest
from django.urls import reverse

from idm.models import MemberState
from tests.factories import DelegateFactory, MemberStateFactory

pytestmark = pytest.mark.django_db


def test_admin_member_state_search_and_filter(staff_client):
    MemberStateFactory(code="PH", iso3="PHL", name="Philippines", region="asia")
    MemberStateFactory(code="GH", iso3="GHA", name="Ghana", region="africa")
    response = staff_client.get(
        reverse("admin:idm_memberstate_changelist"), {"q": "phil", "region": "asia"}
    )
    assert [state.code for state in response.context["cl"].result_list] == ["PH"]


def test_admin_mark_member_action_records_history(staff_client, staff_user):
    state = MemberStateFactory(code="CH", iso3="CHE", membership=MemberState.Membership.NONE)
    response = staff_client.post(
        reverse("admin:idm_memberstate_changelist"),
        {"action": "mark_member", "_selected_action": [state.pk]},
        follow=True,
    )
    assert "1 marked as member states." in response.content.decode()
    state.refresh_from_db()
    assert state.membership == MemberState.Membership.MEMBER
    latest = state.history.latest()
    assert (latest.membership, latest.history_user) == ("member", staff_user)


def test_admin_user_change_in_history_with_acting_staff(staff_client, staff_user):
    delegate = DelegateFactory(email="d@example.org")
    url = reverse("admin:idm_user_change", args=[delegate.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "email": "d@example.org",
            "member_state": delegate.member_state_id,
            "delegation_role": "focal_point",
            "date_joined_0": delegate.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": delegate.date_joined.strftime("%H:%M:%S"),
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("password", None)
    data.pop("last_login", None)
    data["is_active"] = "on"
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = delegate.history.latest()
    assert (latest.delegation_role, latest.history_user) == ("focal_point", staff_user)


def test_admin_refuses_anonymous(client):
    response = client.get(reverse("admin:idm_memberstate_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url
