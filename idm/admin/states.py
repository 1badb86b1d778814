from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from idm.models import MemberState
from idm.services import set_membership


@admin.register(MemberState)
class MemberStateAdmin(SimpleHistoryAdmin):
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
        updated = set_membership(
            states=queryset, membership=MemberState.Membership.MEMBER, actor=request.user
        )
        self.message_user(request, _("%(count)d marked as member states.") % {"count": updated})

    @admin.action(description=_("Mark selected as observer states"))
    def mark_observer(self, request, queryset):
        updated = set_membership(
            states=queryset, membership=MemberState.Membership.OBSERVER, actor=request.user
        )
        self.message_user(request, _("%(count)d marked as observer states.") % {"count": updated})
