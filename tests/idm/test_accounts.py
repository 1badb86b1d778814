"""Password change and reset, the account page and its API token, admin account actions."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from rest_framework.authtoken.models import Token

from idm.models import Invitation
from tests.factories import DEFAULT_PASSWORD, DelegateFactory, FocalPointFactory
from tests.idm.factories import InvitationFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Dignified-and-secure-2009"


def test_password_change_then_old_password_fails(client):
    delegate = DelegateFactory(email="d@example.org")
    client.force_login(delegate)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": DEFAULT_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.url == reverse("password_change_done")
    delegate.refresh_from_db()
    assert delegate.check_password(NEW_PASSWORD)


def test_password_change_wrong_old_password_error_beside_field(client):
    client.force_login(DelegateFactory())
    response = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.context["form"].errors["old_password"]


def test_password_reset_by_email_sets_new_password(client, django_capture_on_commit_callbacks):
    delegate = DelegateFactory(email="d@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("password_reset"), {"email": "D@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox[-1].subject == "IDM Portal: reset your password"
    site = re.escape(settings.IDM_SITE_URL)
    link = re.search(site + r"(/accounts/password/reset/\S+/)", mail.outbox[-1].body)[1]
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.url == reverse("password_reset_complete")
    delegate.refresh_from_db()
    assert delegate.check_password(NEW_PASSWORD)
    assert "not valid" in client.get(link, follow=True).content.decode()


def test_password_reset_in_accounts_language_not_requesters(
    client, django_capture_on_commit_callbacks
):
    """The email follows the account's language, whatever the language of the request."""
    DelegateFactory(email="d@example.org", preferred_language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("password_reset"), {"email": "d@example.org"}, HTTP_ACCEPT_LANGUAGE="es"
        )
    assert mail.outbox[-1].subject == "Portail du DIM : réinitialisez votre mot de passe"
    assert "Choisissez un nouveau mot de passe" in mail.outbox[-1].body


def test_password_reset_unknown_or_deactivated_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    DelegateFactory(email="gone@example.org", is_active=False)
    for email in ("gone@example.org", "nobody@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("password_reset"), {"email": email})
        assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_account_page_creates_replaces_and_deletes_token(client):
    delegate = FocalPointFactory()
    client.force_login(delegate)
    assert "You have no API token." in client.get("/accounts/").content.decode()
    first = client.post("/accounts/").context["new_token"]
    second = client.post("/accounts/").context["new_token"]
    assert first != second
    assert list(Token.objects.filter(user=delegate).values_list("key", flat=True)) == [second]
    assert second not in client.get("/accounts/").content.decode()
    client.post(reverse("delete_token"))
    assert not Token.objects.filter(user=delegate).exists()


def test_account_page_shows_delegation(client):
    delegate = FocalPointFactory()
    client.force_login(delegate)
    content = client.get("/accounts/").content.decode()
    assert f"/delegations/{delegate.member_state.code}/" in content
    assert "Focal point" in content


def test_admin_deactivate_action_records_history(staff_client, staff_user):
    delegate = DelegateFactory()
    Token.objects.create(user=delegate)
    response = staff_client.post(
        reverse("admin:idm_user_changelist"),
        {"action": "deactivate", "_selected_action": [delegate.pk, staff_user.pk]},
        follow=True,
    )
    content = response.content.decode()
    assert "1 deactivated." in content and "Your own account was left unchanged." in content
    delegate.refresh_from_db()
    staff_user.refresh_from_db()
    assert (delegate.is_active, staff_user.is_active) == (False, True)
    assert not Token.objects.filter(user=delegate).exists()
    latest = delegate.history.latest()
    assert (latest.is_active, latest.history_user) == (False, staff_user)


def test_admin_reactivate_action(staff_client):
    delegate = DelegateFactory(is_active=False)
    staff_client.post(
        reverse("admin:idm_user_changelist"),
        {"action": "reactivate", "_selected_action": [delegate.pk]},
    )
    delegate.refresh_from_db()
    assert delegate.is_active is True


def test_admin_invitation_revoke_action_and_history_page(staff_client, staff_user):
    invitation = InvitationFactory(email="i@example.org")
    staff_client.post(
        reverse("admin:idm_invitation_changelist"),
        {"action": "revoke", "_selected_action": [invitation.pk]},
    )
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.REVOKED
    history = staff_client.get(reverse("admin:idm_invitation_history", args=[invitation.pk]))
    assert history.status_code == 200
    assert [(h.status, h.history_user) for h in history.context["page_obj"].object_list][0] == (
        "revoked",
        staff_user,
    )
    assert str(staff_user) in history.content.decode()


def test_admin_invitation_cannot_be_added_by_hand(staff_client):
    assert staff_client.get(reverse("admin:idm_invitation_add")).status_code == 403
