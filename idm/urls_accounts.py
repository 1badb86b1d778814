"""Accounts: login (with the staff two-factor step), logout, passwords, invitations, the
account page and the delegate area."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from idm.forms import PortalPasswordResetForm
from idm.views import accounts, delegations, two_factor

urlpatterns = [
    path("accounts/login/", two_factor.PortalLoginView.as_view(), name="login"),
    path("accounts/login/code/", two_factor.two_factor, name="two_factor"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", accounts.account, name="account"),
    path("accounts/token/delete/", accounts.delete_token, name="delete_token"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=PortalPasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("accounts/invitation/<str:token>/", accounts.accept, name="accept_invitation"),
    path("delegation/", delegations.my_delegation, name="my_delegation"),
    path("delegations/", delegations.delegation_list, name="delegation_list"),
    path("delegations/<str:code>/", delegations.delegation_detail, name="delegation_detail"),
    path(
        "delegations/<str:code>/invitations/<int:pk>/revoke/",
        delegations.revoke,
        name="revoke_invitation",
    ),
    path(
        "delegations/<str:code>/members/<int:pk>/deactivate/",
        delegations.deactivate,
        name="deactivate_account",
    ),
]
