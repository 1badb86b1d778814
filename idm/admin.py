from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from idm.models import Dialogue, Document, MemberState, User

admin.site.site_header = _("IDM Portal back office")
admin.site.site_title = _("IDM Portal")
admin.site.index_title = _("International Dialogue on Migration")


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "iso3",
        "region",
        "sub_region",
        "membership",
        "sponsorship_eligible",
    ]
    list_filter = ["membership", "region", "sponsorship_eligible", "sub_region"]
    list_editable = ["membership", "sponsorship_eligible"]
    search_fields = ["name", "code", "iso3"]
    actions = ["mark_member", "mark_observer"]

    @admin.action(description=_("Mark selected as IOM member states"))
    def mark_member(self, request, queryset):
        updated = queryset.update(membership=MemberState.Membership.MEMBER)
        self.message_user(request, _("%(count)d marked as member states.") % {"count": updated})

    @admin.action(description=_("Mark selected as observer states"))
    def mark_observer(self, request, queryset):
        updated = queryset.update(membership=MemberState.Membership.OBSERVER)
        self.message_user(request, _("%(count)d marked as observer states.") % {"count": updated})


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
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


class DocumentInline(admin.TabularInline):
    model = Document
    extra = 0
    fields = ["symbol", "title", "kind", "language", "status", "url", "file"]
    show_change_link = True


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    list_display = ["year", "theme", "document_count"]
    search_fields = ["theme", "summary"]
    inlines = [DocumentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, dialogue):
        return dialogue.document_count


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["symbol", "title", "kind", "language", "status", "dialogue"]
    list_filter = ["kind", "language", "status", "dialogue"]
    list_select_related = ["dialogue"]
    search_fields = ["symbol", "title", "description"]
    date_hierarchy = "published_on"
