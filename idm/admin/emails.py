from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from idm.models import OutgoingEmail
from idm.services import resend_email


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The email queue: staff see what went out, what waits and what failed (with its error),
    and re-send failed emails. Nothing here is edited by hand."""

    list_display = ["subject", "recipients", "language", "status", "attempts", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["resend"]
    fields = [
        "to",
        "language",
        "subject",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "last_attempt_at",
        "sent_at",
        "resent_by",
        "resent_at",
        "template",
        "text",
    ]
    readonly_fields = fields

    @admin.display(description=_("recipients"))
    def recipients(self, email):
        return ", ".join(email.to)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Re-send the selected failed emails"))
    def resend(self, request, queryset):
        resent = 0
        for email in queryset:
            try:
                resend_email(email=email, actor=request.user)
            except ValidationError as error:
                self.message_user(request, f"{email}: {error.messages[0]}", messages.WARNING)
            else:
                resent += 1
        if resent:
            self.message_user(
                request,
                ngettext("%d email queued again.", "%d emails queued again.", resent) % resent,
                messages.SUCCESS,
            )
