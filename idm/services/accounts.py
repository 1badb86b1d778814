"""Accounts of delegates and staff: deactivation when people move on."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from idm.permissions import can_deactivate


@transaction.atomic
def deactivate_account(*, account, actor):
    """Close `account` (e.g. a diplomat leaves the mission): it can no longer log in, its
    sessions stop working on their next request and its API token is deleted. Its history
    and the records it made stay. Returns True if it changed."""
    if not can_deactivate(actor, account):
        raise PermissionDenied(_("Only IOM staff may deactivate accounts, never their own."))
    account = type(account).objects.select_for_update().get(pk=account.pk)
    Token.objects.filter(user=account).delete()
    if not account.is_active:
        return False
    account.is_active = False
    account._history_user = actor
    account.save(update_fields=["is_active"])
    return True


@transaction.atomic
def reactivate_account(*, account, actor):
    """Open a deactivated account again. Returns True if it changed."""
    if not can_deactivate(actor, account):
        raise PermissionDenied(_("Only IOM staff may reactivate accounts, never their own."))
    account = type(account).objects.select_for_update().get(pk=account.pk)
    if account.is_active:
        return False
    account.is_active = True
    account._history_user = actor
    account.save(update_fields=["is_active"])
    return True
