from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from idm.models import User


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
