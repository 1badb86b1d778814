"""The delegate area: a member state's delegation, its invitations, and staff's overview."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from idm.forms import InvitationForm, StaffInvitationForm
from idm.models import Invitation, MemberState
from idm.permissions import (
    can_deactivate,
    can_manage_delegation,
    can_view_delegation,
    invitable_roles,
    is_staff,
)
from idm.services import deactivate_account, invite_delegate, revoke_invitation

ROLE_RANK = Case(
    When(delegation_role="focal_point", then=Value(0)),
    When(delegation_role="contributor", then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def visible_state_or_404(request, code):
    """The member state `code` if the user may see its delegation; others get a 404 so
    that nobody learns which delegations exist."""
    state = get_object_or_404(MemberState, code=code.upper())
    if not can_view_delegation(request.user, state):
        raise Http404
    return state


def send_invitation(request, form, member_state):
    """Run the invitation service for a valid form; on refusal, put the reason on the form."""
    try:
        invitation = invite_delegate(
            email=form.cleaned_data["email"],
            member_state=member_state,
            role=form.cleaned_data["role"],
            invited_by=request.user,
            language=form.cleaned_data["language"],
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None
    messages.success(
        request,
        _("Invitation sent to %(email)s. The link is valid until %(date)s.")
        % {
            "email": invitation.email,
            "date": timezone.localtime(invitation.expires_at).strftime("%Y-%m-%d %H:%M"),
        },
    )
    return invitation


@login_required
@require_safe
def my_delegation(request):
    """Delegates go to their state's delegation, staff to the overview of all."""
    if is_staff(request.user):
        return redirect("delegation_list")
    if request.user.member_state_id:
        return redirect("delegation_detail", code=request.user.member_state.code)
    return render(request, "idm/delegations/none.html")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delegation_list(request):
    """IOM staff: every delegation with its size, and an invitation form for any state."""
    if not is_staff(request.user):
        raise PermissionDenied
    roles = invitable_roles(request.user, None)
    form = StaffInvitationForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        state = form.cleaned_data["member_state"]
        if send_invitation(request, form, state):
            return redirect("delegation_detail", code=state.code)
    now = timezone.now()
    states = (
        MemberState.objects.annotate(
            delegate_count=Count("delegates", filter=Q(delegates__is_active=True), distinct=True),
            pending_count=Count(
                "invitations",
                filter=Q(invitations__status="pending", invitations__expires_at__gt=now),
                distinct=True,
            ),
        )
        .filter(Q(delegate_count__gt=0) | Q(pending_count__gt=0))
        .order_by("name")
    )
    return render(request, "idm/delegations/list.html", {"states": states, "form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delegation_detail(request, code):
    """A delegation's roster and pending invitations; its managers invite colleagues here."""
    state = visible_state_or_404(request, code)
    may_manage = can_manage_delegation(request.user, state)
    roles = invitable_roles(request.user, state)
    form = InvitationForm(request.POST or None, roles=roles) if may_manage else None
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid() and send_invitation(request, form, state):
            return redirect("delegation_detail", code=state.code)
    User = get_user_model()
    members = User.objects.filter(member_state=state)
    if not is_staff(request.user):
        members = members.filter(is_active=True)
    context = {
        "state": state,
        "members": members.annotate(role_rank=ROLE_RANK).order_by(
            "-is_active", "role_rank", "last_name", "email"
        ),
        "invitations": (
            Invitation.objects.pending()
            .filter(member_state=state)
            .select_related("invited_by")
            .order_by("email")
        ),
        "form": form,
        "may_manage": may_manage,
        "may_deactivate": is_staff(request.user),
    }
    return render(request, "idm/delegations/detail.html", context)


@login_required
@require_POST
def revoke(request, code, pk):
    state = visible_state_or_404(request, code)
    invitation = get_object_or_404(Invitation, pk=pk, member_state=state)
    if not can_manage_delegation(request.user, state):
        raise PermissionDenied
    try:
        revoke_invitation(invitation=invitation, actor=request.user)
    except ValidationError:
        messages.error(request, _("This invitation was already accepted or revoked."))
    else:
        messages.success(
            request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email}
        )
    return redirect("delegation_detail", code=state.code)


@login_required
@require_POST
def deactivate(request, code, pk):
    state = visible_state_or_404(request, code)
    account = get_object_or_404(get_user_model(), pk=pk, member_state=state)
    if not can_deactivate(request.user, account):
        raise PermissionDenied
    deactivate_account(account=account, actor=request.user)
    messages.success(
        request,
        _("The account of %(email)s is deactivated: it can no longer log in.")
        % {"email": account.email},
    )
    return redirect("delegation_detail", code=state.code)
