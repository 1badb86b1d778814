from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from idm.models import Invitation
from idm.services import revoke_invitation


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    """Invitations are sent from the delegation pages; here staff look them up, follow
    their history and revoke them."""

    list_display = [
        "email",
        "member_state",
        "role",
        "status",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["status", "role", "member_state__region"]
    list_select_related = ["member_state", "invited_by"]
    search_fields = ["email", "member_state__name", "member_state__code"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "email",
        "member_state",
        "role",
        "status",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "account",
        "revoked_at",
        "delegation_page",
    ]
    fields = readonly_fields
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("delegation page"))
    def delegation_page(self, invitation):
        url = reverse("delegation_detail", args=[invitation.member_state.code])
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.action(description=_("Revoke selected pending invitations"))
    def revoke(self, request, queryset):
        revoked = 0
        for invitation in queryset.filter(status=Invitation.Status.PENDING):
            try:
                revoke_invitation(invitation=invitation, actor=request.user)
            except ValidationError:
                continue
            revoked += 1
        self.message_user(
            request, _("%(count)d invitations revoked.") % {"count": revoked}, messages.SUCCESS
        )
