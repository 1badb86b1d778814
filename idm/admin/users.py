from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from idm.models import User
from idm.permissions import can_deactivate
from idm.services import deactivate_account, reactivate_account


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = [
        "email",
        "first_name",
        "last_name",
        "member_state",
        "delegation_role",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_staff", "is_active", "delegation_role", "member_state__region"]
    list_select_related = ["member_state"]
    search_fields = ["email", "first_name", "last_name", "member_state__name"]
    autocomplete_fields = ["member_state"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["first_name", "last_name"]}),
        (_("Delegation"), {"fields": ["member_state", "delegation_role"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "member_state", "delegation_role", "password1", "password2"],
            },
        ),
    ]

    actions = ["deactivate", "reactivate"]

    @admin.action(description=_("Deactivate selected accounts"))
    def deactivate(self, request, queryset):
        self._change_activity(request, queryset, deactivate_account, _("%(count)d deactivated."))

    @admin.action(description=_("Reactivate selected accounts"))
    def reactivate(self, request, queryset):
        self._change_activity(request, queryset, reactivate_account, _("%(count)d reactivated."))

    def _change_activity(self, request, queryset, service, message):
        changed = skipped = 0
        for account in queryset:
            if not can_deactivate(request.user, account):
                skipped += 1
            elif service(account=account, actor=request.user):
                changed += 1
        self.message_user(request, message % {"count": changed}, messages.SUCCESS)
        if skipped:
            self.message_user(request, _("Your own account was left unchanged."), messages.WARNING)
