"""The one permission layer: pages, admin actions and the API all ask these questions.

Each question is a django-rules predicate, so they combine (`is_staff | is_focal_point_of`)
and can be registered as object permissions; called directly they answer True or False.
`state` is always a MemberState or its primary key.
"""

import rules
from django.core.exceptions import PermissionDenied
from rules.permissions import ObjectPermissionBackend


@rules.predicate
def is_staff(user):
    """IOM staff of the IDM secretariat (an active account with staff status)."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_verified_staff(user):
    """IOM staff whose session passed the two-factor step (the back office asks this)."""
    is_verified = getattr(user, "is_verified", None)
    return is_staff(user) and callable(is_verified) and bool(is_verified())


@rules.predicate
def is_delegate_of(user, state):
    """A delegate of `state` (any role)."""
    if not (user and user.is_authenticated and user.is_active) or state is None:
        return False
    state_id = getattr(state, "pk", state)
    return user.member_state_id is not None and user.member_state_id == state_id


@rules.predicate
def is_focal_point_of(user, state):
    """The delegate of `state` who signs off its official answers and nominates delegates."""
    return is_delegate_of(user, state) and user.is_focal_point


@rules.predicate
def can_contribute_for(user, state):
    """May draft the state's answers: focal points and contributors, not viewers."""
    return is_delegate_of(user, state) and user.delegation_role in {
        user.DelegationRole.FOCAL_POINT,
        user.DelegationRole.CONTRIBUTOR,
    }


_can_view_delegation = is_staff | is_delegate_of
_can_manage_delegation = is_staff | is_focal_point_of


def can_view_delegation(user, state):
    """Sees the roster of `state`: its delegates and IOM staff."""
    return _can_view_delegation.test(user, state)


def can_manage_delegation(user, state):
    """Invites colleagues to `state`'s delegation and revokes its invitations:
    IOM staff for every state, a focal point for their own."""
    return _can_manage_delegation.test(user, state)


def can_invite_for(user, state):
    """May invite a delegate of `state` (same answer as can_manage_delegation)."""
    return can_manage_delegation(user, state)


def invitable_roles(user, state):
    """Roles `user` may grant in `state`'s delegation: staff name focal points too; a focal
    point invites contributors and viewers. Nobody is ever made staff by an invitation."""
    from idm.models import User

    if is_staff(user):
        return list(User.DelegationRole)
    if is_focal_point_of(user, state):
        return [User.DelegationRole.CONTRIBUTOR, User.DelegationRole.VIEWER]
    return []


def can_deactivate(user, account):
    """Only IOM staff deactivate accounts (staff turnover at missions), never their own."""
    return is_staff(user) and account.pk != user.pk


@rules.predicate
def is_delegate(user):
    """A delegate of some member state (any role): the delegate's pages and tasks."""
    return bool(
        user and user.is_authenticated and user.is_active and user.member_state_id is not None
    )


@rules.predicate
def is_focal_point(user):
    """The focal point of some member state."""
    return is_delegate(user) and user.is_focal_point


# Named permissions: views ask `request.user.has_perm("idm.…", obj)` and templates
# `{% if perms.idm.… %}` (no object) or `{% has_perm "idm.…" user obj as allowed %}`
# (`{% load rules %}`), so that no view or template tests `is_staff` or `member_state_id`
# itself. Apps register their own (`surveys.…`, `workshops.…`, `funding.…`) the same way.
rules.add_perm("idm.staff", is_staff)
rules.add_perm("idm.delegate", is_delegate)
rules.add_perm("idm.focal_point", is_focal_point)
rules.add_perm("idm.view_delegation", _can_view_delegation)
rules.add_perm("idm.manage_delegation", _can_manage_delegation)
rules.add_perm("idm.contribute_for_state", can_contribute_for)


class NamedPermissionBackend(ObjectPermissionBackend):
    """django-rules' backend (AUTHENTICATION_BACKENDS), final for the named permissions.

    A named permission ("idm.staff") has no row in auth_permission, so Django's ModelBackend,
    asked next when the rule says no, could only say no too, after loading the user's and
    their groups' permissions (two queries on every page that shows a link to staff or
    delegates only). A rule's "no" is the answer: PermissionDenied stops the backends that
    follow (Django's documented contract). Other permissions (the admin's model
    permissions) go on to ModelBackend as before.
    """

    def has_perm(self, user, perm, *args, **kwargs):
        if not rules.perm_exists(perm):
            return False
        if rules.has_perm(perm, user, *args, **kwargs):
            return True
        raise PermissionDenied
