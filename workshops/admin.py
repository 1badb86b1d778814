"""Back office of the programme: events with their agenda and documents, speakers and
registrations. Saving goes through the same services as the API."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from idm.admin.languages import LanguageColumns, side_by_side
from idm.admin.programme import DialogueAdmin as CoreDialogueAdmin
from idm.content_languages import language_fields
from idm.models import Dialogue
from workshops import services
from workshops.models import (
    CategoryQuota,
    Event,
    Registration,
    Session,
    SessionSpeaker,
    Speaker,
)


class SessionInline(TranslationTabularInline):
    model = Session
    extra = 0
    fields = ["order", "date", "starts_at", "ends_at", "title", "kind"]
    ordering = ["order", "date", "starts_at"]
    show_change_link = True


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 1
    fields = ["order", "role", "speaker", "presentation_title", "presentation"]
    autocomplete_fields = ["speaker", "presentation"]
    ordering = ["order"]


class EventDocumentInline(admin.TabularInline):
    model = Event.documents.through
    extra = 0
    autocomplete_fields = ["document"]
    verbose_name = _("document")
    verbose_name_plural = _("documents")


class SessionDocumentInline(admin.TabularInline):
    model = Session.documents.through
    extra = 0
    autocomplete_fields = ["document"]
    verbose_name = _("document")
    verbose_name_plural = _("documents")


class CategoryQuotaInline(admin.TabularInline):
    model = CategoryQuota
    extra = 0
    fields = ["category", "seats"]


@admin.register(Event)
class EventAdmin(LanguageColumns, TranslationAdmin, SimpleHistoryAdmin):
    """An event; its title and description in English, French and Spanish side by side."""

    list_display = [
        "title",
        "dialogue",
        "kind",
        "start_date",
        "end_date",
        "status",
        "document_count",
        "seats_taken",
        "capacity",
    ]
    list_filter = ["dialogue", "kind", "status"]
    list_select_related = ["dialogue"]
    search_fields = [*language_fields("title", "description"), "slug"]
    prepopulated_fields = {"slug": ["title"]}  # from the English title
    inlines = [SessionInline, EventDocumentInline, CategoryQuotaInline]
    actions = ["mark_confirmed", "mark_held", "mark_cancelled"]
    fieldsets = [
        (
            None,
            {"fields": ["dialogue", "kind", side_by_side("title"), "slug", "status", "order"]},
        ),
        (_("When and where"), {"fields": ["start_date", "end_date", "venue", "city"]}),
        (_("About"), {"fields": [side_by_side("description")]}),
        (
            _("Registration"),
            {
                "fields": [
                    "capacity",
                    "registration_opens_at",
                    "registration_closes_at",
                    "requires_approval",
                    "per_state_limit",
                ]
            },
        ),
        (
            _("Online participation"),
            {"fields": ["format", "meeting_url", "meeting_passcode", "livestream_url"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                document_count=Count("documents", distinct=True),
                seats_taken=Count(
                    "registrations",
                    filter=Q(registrations__status__in=Registration.SEAT_HOLDING),
                    distinct=True,
                ),
            )
        )

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, event):
        return event.document_count

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def seats_taken(self, event):
        return event.seats_taken

    def save_model(self, request, obj, form, change):
        services.save_event(event=obj, actor=request.user)

    def _set_status(self, request, queryset, status):
        changed = services.set_event_status(events=queryset, status=status, actor=request.user)
        self.message_user(request, _("%(count)d events changed.") % {"count": changed})

    @admin.action(description=_("Mark selected events as confirmed"))
    def mark_confirmed(self, request, queryset):
        self._set_status(request, queryset, Event.Status.CONFIRMED)

    @admin.action(description=_("Mark selected events as held"))
    def mark_held(self, request, queryset):
        self._set_status(request, queryset, Event.Status.HELD)

    @admin.action(description=_("Mark selected events as cancelled"))
    def mark_cancelled(self, request, queryset):
        self._set_status(request, queryset, Event.Status.CANCELLED)


@admin.register(Session)
class SessionAdmin(LanguageColumns, TranslationAdmin):
    """An agenda item; its title and description in English, French and Spanish side by side."""

    list_display = ["title", "event", "order", "date", "starts_at", "ends_at", "kind"]
    list_filter = ["kind", "event__dialogue"]
    list_select_related = ["event"]
    search_fields = [
        *language_fields("title"),
        *(f"event__{name}" for name in language_fields("title")),
    ]
    autocomplete_fields = ["event"]
    fields = [
        "event",
        ("order", "date", "starts_at", "ends_at"),
        side_by_side("title"),
        "kind",
        side_by_side("description"),
        "recording_url",
    ]
    inlines = [SessionSpeakerInline, SessionDocumentInline]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "function", "organisation", "member_state"]
    list_select_related = ["member_state"]
    search_fields = ["name", "organisation", "function"]
    autocomplete_fields = ["member_state"]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "email",
        "organisation",
        "category",
        "member_state",
        "event",
        "status",
        "nominated_by",
        "created_at",
    ]
    list_filter = ["status", "category", "event__dialogue", "event"]
    list_select_related = ["event", "member_state", "nominated_by"]
    search_fields = ["name", "email", "organisation"]
    readonly_fields = [
        "reference",
        "status",
        "created_at",
        "updated_at",
        "user",
        "nominated_by",
        "language",
    ]
    autocomplete_fields = ["event", "member_state"]
    date_hierarchy = "created_at"
    actions = ["approve", "decline", "confirm", "waitlist", "mark_attended", "cancel"]

    def has_add_permission(self, request):
        return False  # registrations come through the register service (capacity, email)

    def _set_status(self, request, queryset, status):
        changed = services.set_registration_status(
            registrations=queryset, status=status, actor=request.user
        )
        self.message_user(request, _("%(count)d registrations changed.") % {"count": changed})

    @admin.action(description=_("Approve selected registrations (seats, then waiting list)"))
    def approve(self, request, queryset):
        confirmed, waitlisted = services.approve_registrations(
            registrations=queryset, actor=request.user
        )
        self.message_user(
            request,
            _("Approved: %(confirmed)d confirmed, %(waitlisted)d on the waiting list.")
            % {"confirmed": confirmed, "waitlisted": waitlisted},
        )

    @admin.action(description=_("Decline selected registrations"))
    def decline(self, request, queryset):
        declined = services.decline_registrations(registrations=queryset, actor=request.user)
        self.message_user(request, _("Declined: %(count)d.") % {"count": declined})

    @admin.action(description=_("Confirm selected registrations"))
    def confirm(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.CONFIRMED)

    @admin.action(description=_("Put selected registrations on the waiting list"))
    def waitlist(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.WAITLISTED)

    @admin.action(description=_("Mark selected participants as attended"))
    def mark_attended(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.ATTENDED)

    @admin.action(description=_("Cancel selected registrations"))
    def cancel(self, request, queryset):
        self._set_status(request, queryset, Registration.Status.CANCELLED)


admin.site.unregister(Dialogue)


@admin.register(Dialogue)
class DialogueAdmin(CoreDialogueAdmin):
    """The core's dialogue admin, plus how many events each year has."""

    list_display = [*CoreDialogueAdmin.list_display, "event_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(event_count=Count("events", distinct=True))

    @admin.display(description=_("events"), ordering="event_count")
    def event_count(self, dialogue):
        return dialogue.event_count
