"""The one permission layer: pages, admin actions and the API all ask these questions."""


def is_staff(user):
    """IOM staff of the IDM secretariat (an active account with staff status)."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_delegate_of(user, state):
    """A delegate of `state` (any role); `state` is a MemberState or its primary key."""
    if not (user and user.is_authenticated and user.is_active) or state is None:
        return False
    state_id = getattr(state, "pk", state)
    return user.member_state_id is not None and user.member_state_id == state_id


def is_focal_point_of(user, state):
    """The delegate of `state` who signs off its official answers and nominates delegates."""
    return is_delegate_of(user, state) and user.is_focal_point


def can_contribute_for(user, state):
    """May draft the state's answers: focal points and contributors, not viewers."""
    return is_delegate_of(user, state) and user.delegation_role in {
        user.DelegationRole.FOCAL_POINT,
        user.DelegationRole.CONTRIBUTOR,
    }
