import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from idm.models import Invitation, User
from idm.services import accept_invitation, invite_delegate
from tests.factories import (
    DelegateFactory,
    FocalPointFactory,
    MemberStateFactory,
    StaffFactory,
)
from tests.idm.factories import InvitationFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Geneva-dialogue-2009!"


@pytest.fixture
def philippines():
    return MemberStateFactory(code="PH", iso3="PHL", name="Philippines")


def invitation_link():
    """The acceptance link in the last email sent."""
    site = re.escape(settings.IDM_SITE_URL)
    return re.search(site + r"(/accounts/invitation/\S+/)", mail.outbox[-1].body)[1]


def invite(client, code, email="new.delegate@example.org", role="contributor"):
    """Post the invitation form; its transaction commits, so the email goes out."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("delegation_detail", args=[code]), {"email": email, "role": role}, follow=True
        )


def accept(client, link, password=NEW_PASSWORD, **overrides):
    data = {
        "first_name": "Maria",
        "last_name": "Santos",
        "password1": password,
        "password2": password,
        **overrides,
    }
    return client.post(link, data)


def test_invitation_staff_invites_and_delegate_accepts(staff_client, philippines, client):
    response = invite(staff_client, "PH", role="focal_point")
    assert "Invitation sent to new.delegate@example.org" in response.content.decode()
    assert mail.outbox[-1].to == ["new.delegate@example.org"]
    assert "delegation of Philippines" in mail.outbox[-1].subject
    staff_client.logout()

    link = invitation_link()
    form_page = client.get(link)
    assert form_page.status_code == 200
    assert "Join the delegation of Philippines" in form_page.content.decode()
    response = accept(client, link)
    assert response.status_code == 302 and response.url == reverse("login")

    account = User.objects.get(email="new.delegate@example.org")
    assert (account.member_state, account.delegation_role, account.is_active) == (
        philippines,
        "focal_point",
        True,
    )
    assert account.check_password(NEW_PASSWORD)
    assert account.get_full_name() == "Maria Santos"
    invitation = Invitation.objects.get()
    assert (invitation.status, invitation.account) == ("accepted", account)


def test_invitation_link_reused_is_refused_with_message(client, philippines, staff_client):
    invite(staff_client, "PH")
    link = invitation_link()
    accept(client, link)
    again = client.get(link)
    assert again.status_code == 410
    assert "This invitation was already used" in again.content.decode()
    second_try = accept(client, link, password="Another-password-2009!")
    assert second_try.status_code == 410
    assert User.objects.get(email="new.delegate@example.org").check_password(NEW_PASSWORD)


def test_invitation_link_expired_is_refused_with_message(client, philippines, staff_client):
    invite(staff_client, "PH")
    link = invitation_link()
    Invitation.objects.update(
        created_at=timezone.now() - timedelta(days=20),
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    response = client.get(link)
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert accept(client, link).status_code == 410
    assert not User.objects.filter(email="new.delegate@example.org").exists()


def test_invitation_link_tampered_is_refused(client, philippines, staff_client):
    invite(staff_client, "PH")
    link = invitation_link()
    response = client.get(link[:-3] + "xx/")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()


def test_invitation_revoked_link_stops_working(client, philippines, staff_client):
    invite(staff_client, "PH")
    link = invitation_link()
    invitation = Invitation.objects.get()
    staff_client.post(reverse("revoke_invitation", args=["PH", invitation.pk]))
    response = client.get(link)
    assert response.status_code == 410
    assert "This invitation was withdrawn" in response.content.decode()


def test_invitation_reinvite_replaces_earlier_link(client, philippines, staff_client):
    invite(staff_client, "PH")
    first_link = invitation_link()
    invite(staff_client, "PH", role="viewer")
    second_link = invitation_link()
    assert client.get(first_link).status_code == 410
    assert client.get(second_link).status_code == 200
    assert list(Invitation.objects.values_list("status", "role").order_by("pk")) == [
        ("revoked", "contributor"),
        ("pending", "viewer"),
    ]


def test_invitation_weak_password_error_beside_field_keeps_names(client, philippines, staff_client):
    invite(staff_client, "PH")
    response = accept(client, invitation_link(), password="12345678")
    assert response.status_code == 200
    form = response.context["form"]
    assert "This password is too common." in form.errors["password1"]
    content = response.content.decode()
    assert 'value="Maria"' in content and 'value="Santos"' in content
    assert not User.objects.filter(email="new.delegate@example.org").exists()


def test_invitation_passwords_differ_error(client, philippines, staff_client):
    invite(staff_client, "PH")
    response = accept(client, invitation_link(), password2="Something-else-2009")
    assert response.context["form"].errors["password2"] == ["The two passwords differ."]


def test_invitation_focal_point_invites_own_state_contributor(client, philippines):
    focal_point = FocalPointFactory(member_state=philippines)
    client.force_login(focal_point)
    invite(client, "PH", role="viewer")
    invitation = Invitation.objects.get()
    assert (invitation.member_state, invitation.role, invitation.invited_by) == (
        philippines,
        "viewer",
        focal_point,
    )


def test_invitation_focal_point_cannot_name_a_focal_point(client, philippines):
    client.force_login(FocalPointFactory(member_state=philippines))
    response = invite(client, "PH", role="focal_point")
    assert "Select a valid choice." in response.context["form"].errors["role"][0]
    assert Invitation.objects.count() == 0


def test_invitation_focal_point_cannot_invite_for_another_state(client, philippines):
    client.force_login(FocalPointFactory(member_state=MemberStateFactory(code="MX", iso3="MEX")))
    response = invite(client, "PH")
    assert response.status_code == 404
    assert Invitation.objects.count() == 0


def test_invitation_contributor_cannot_invite(client, philippines):
    client.force_login(DelegateFactory(member_state=philippines))
    response = client.post(
        reverse("delegation_detail", args=["PH"]),
        {"email": "x@example.org", "role": "viewer"},
    )
    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def test_invitation_existing_active_account_refused_beside_field(staff_client, philippines):
    DelegateFactory(email="taken@example.org")
    response = invite(staff_client, "PH", email="Taken@Example.org")
    assert response.context["form"].errors["email"] == [
        "An account with this email address already exists."
    ]
    assert 'value="Taken@Example.org"' in response.content.decode()


def test_invitation_pending_in_other_delegation_refused(staff_client, philippines):
    InvitationFactory(email="busy@example.org", member_state=MemberStateFactory(code="MX"))
    response = invite(staff_client, "PH", email="busy@example.org")
    assert response.context["form"].errors["email"] == [
        "This person has a pending invitation to another delegation."
    ]


DEACTIVATED = (
    "This address belongs to a deactivated account; IOM staff can reactivate it in the back office."
)


def deactivated_account(kind):
    """A deactivated account of each kind that an invitation must never bring back."""
    if kind == "staff":
        return StaffFactory(email="back@example.org", is_active=False, is_superuser=True)
    return DelegateFactory(
        email="back@example.org", is_active=False, member_state=MemberStateFactory(code="MX")
    )


def assert_still_deactivated(account, kind):
    before = (account.member_state_id, account.password)
    account.refresh_from_db()
    assert (account.is_active, account.is_staff) == (False, kind == "staff")
    assert (account.member_state_id, account.password) == before
    assert User.objects.filter(email__iexact="back@example.org").count() == 1


@pytest.mark.parametrize("kind", ["staff", "delegate"])
def test_invitation_of_deactivated_account_refused_by_service(philippines, staff_user, kind):
    account = deactivated_account(kind)
    with pytest.raises(ValidationError) as refused:
        invite_delegate(
            email="Back@Example.org",
            member_state=philippines,
            role="focal_point",
            invited_by=staff_user,
        )
    assert refused.value.message_dict == {"email": [DEACTIVATED]}
    assert Invitation.objects.count() == 0 and mail.outbox == []
    assert_still_deactivated(account, kind)


@pytest.mark.parametrize("kind", ["staff", "delegate"])
def test_invitation_of_deactivated_account_refused_beside_field(staff_client, philippines, kind):
    account = deactivated_account(kind)
    response = invite(staff_client, "PH", email="back@example.org", role="focal_point")
    assert response.context["form"].errors["email"] == [DEACTIVATED]
    assert Invitation.objects.count() == 0
    assert_still_deactivated(account, kind)


@pytest.mark.parametrize("kind", ["staff", "delegate"])
def test_invitation_accepted_for_deactivated_account_refused_by_service(philippines, kind):
    """An invitation sent before the account was deactivated (or made by other means) still
    cannot reactivate it."""
    invitation = InvitationFactory(member_state=philippines, email="back@example.org")
    account = deactivated_account(kind)
    with pytest.raises(ValidationError) as refused:
        accept_invitation(
            invitation=invitation, first_name="Maria", last_name="Santos", password=NEW_PASSWORD
        )
    assert refused.value.messages == [DEACTIVATED]
    assert Invitation.objects.get(pk=invitation.pk).status == "pending"
    assert_still_deactivated(account, kind)


@pytest.mark.parametrize("kind", ["staff", "delegate"])
def test_invitation_accepted_for_deactivated_account_refused_on_page(
    philippines, staff_client, kind
):
    invite(staff_client, "PH", email="back@example.org", role="focal_point")
    link = invitation_link()
    account = deactivated_account(kind)
    client = Client()
    response = accept(client, link)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [DEACTIVATED]
    assert "IOM staff can reactivate it in the back office" in response.content.decode()
    assert_still_deactivated(account, kind)
    assert "_auth_user_id" not in client.session


def test_invitation_history_records_acting_users(client, philippines, staff_client, staff_user):
    invite(staff_client, "PH")
    accept(client, invitation_link())
    invitation = Invitation.objects.get()
    history = list(invitation.history.order_by("history_date"))
    assert [(h.status, h.history_user) for h in history] == [
        ("pending", staff_user),
        ("accepted", invitation.account),
    ]
    account_history = invitation.account.history.latest()
    assert (account_history.history_type, account_history.history_user) == (
        "+",
        invitation.account,
    )


def test_invitation_email_sent_in_inviter_language(staff_client, philippines):
    staff_client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    invite(staff_client, "PH")
    assert "Bonjour" in mail.outbox[-1].body


@pytest.mark.django_db(transaction=True)
def test_invitation_parallel_acceptance_opens_one_account(philippines):
    """Two people (or two browser tabs) submit the same link at once: the row lock on the
    invitation lets one through; the other is refused cleanly (no second account, no 500)."""
    import threading

    from django.core.exceptions import ValidationError
    from django.db import connection

    from idm.services import accept_invitation

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    invitation = InvitationFactory(member_state=philippines, email="race@example.org")
    barrier = threading.Barrier(2)
    outcomes = []

    def submit(first_name):
        try:
            barrier.wait()
            accept_invitation(
                invitation=invitation, first_name=first_name, last_name="X", password=NEW_PASSWORD
            )
            outcomes.append("accepted")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(name,)) for name in ("Ana", "Ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "refused"]
    assert User.objects.filter(email="race@example.org").count() == 1
    assert Invitation.objects.get(pk=invitation.pk).status == "accepted"


def test_delegation_history_every_change_with_acting_user(client, philippines, staff_user):
    """Invite, revoke, invite again, accept, deactivate: each change is in the history of the
    invitation or the account, with who made it."""
    from django.test import Client

    from tests.idm.factories import verify_staff_session

    focal_point = FocalPointFactory(member_state=philippines)
    client.force_login(focal_point)
    invite(client, "PH", email="history@example.org")
    first = Invitation.objects.get()
    client.post(reverse("revoke_invitation", args=["PH", first.pk]))
    invite(client, "PH", email="history@example.org", role="viewer")
    second = Invitation.objects.exclude(pk=first.pk).get()
    accept(Client(), invitation_link())
    account = User.objects.get(email="history@example.org")
    staff = Client()
    staff.force_login(staff_user)
    verify_staff_session(staff, staff_user)
    staff.post(reverse("deactivate_account", args=["PH", account.pk]))

    def trail(records):
        return [(r.history_type, r.status, r.history_user) for r in records]

    assert trail(first.history.order_by("history_id")) == [
        ("+", "pending", focal_point),
        ("~", "revoked", focal_point),
    ]
    assert trail(second.history.order_by("history_id")) == [
        ("+", "pending", focal_point),
        ("~", "accepted", account),
    ]
    assert [
        (r.history_type, r.is_active, r.delegation_role, r.history_user)
        for r in account.history.order_by("history_id")
    ] == [("+", True, "viewer", account), ("~", False, "viewer", staff_user)]


def test_invitation_with_nul_refused_beside_the_field_nothing_stored(
    staff_client, philippines, client
):
    refused = staff_client.post(
        reverse("delegation_detail", args=["PH"]),
        {"email": "new\x00@example.org", "role": "contributor"},
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["email"]
    assert not Invitation.objects.exists()
    invite(staff_client, "PH")
    staff_client.logout()
    response = accept(client, invitation_link(), first_name="Ma\x00ria")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["first_name"] == ["Null characters are not allowed."]
    assert form["last_name"].value() == "Santos"
    assert not User.objects.filter(email="new.delegate@example.org").exists()
