"""A person's own account: accepting an invitation, the account page and the API token."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from idm.forms import AcceptInvitationForm
from idm.services import InvitationProblem, accept_invitation, find_invitation

PROBLEM_STATUS = {
    InvitationProblem.INVALID: 404,
    InvitationProblem.EXPIRED: 410,
    InvitationProblem.USED: 410,
    InvitationProblem.REVOKED: 410,
}


def invitation_problem_page(request, problem, invitation=None):
    context = {"problem": problem, "invitation": invitation}
    return render(request, "idm/invitations/problem.html", context, status=PROBLEM_STATUS[problem])


@sensitive_post_parameters("password1", "password2")
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept(request, token):
    """The emailed link: the invited person chooses a name and password."""
    invitation, problem = find_invitation(token)
    if problem:
        return invitation_problem_page(request, problem, invitation)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            accept_invitation(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Welcome to the delegation of %(state)s. Log in with %(email)s and your "
                    "new password."
                )
                % {"state": invitation.member_state.display_name, "email": invitation.email},
            )
            return redirect("login")
    return render(request, "idm/invitations/accept.html", {"invitation": invitation, "form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def account(request):
    """Who you are, your delegation, two-factor status and your personal API token.

    POST creates a new API token (replacing the old one) and shows it once.
    """
    new_token = None
    if request.method == "POST":
        Token.objects.filter(user=request.user).delete()
        new_token = Token.objects.create(user=request.user).key
        messages.success(request, _("Your new API token is shown below. Copy it now."))
    context = {
        "new_token": new_token,
        "has_token": new_token is not None or Token.objects.filter(user=request.user).exists(),
        "two_factor_devices": TOTPDevice.objects.filter(user=request.user, confirmed=True),
    }
    return render(request, "idm/account.html", context)


@login_required
@require_POST
def delete_token(request):
    deleted, _count = Token.objects.filter(user=request.user).delete()
    if deleted:
        messages.success(request, _("Your API token is deleted: it no longer works."))
    return redirect("account")
