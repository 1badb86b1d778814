"""The survey builder in the back office: surveys with their sections, questions with their
options. Once a survey has answers, nothing can be removed and no question can change type."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from surveys.models import (
    EvaluationInvitation,
    Option,
    Question,
    Response,
    Section,
    Survey,
    ThemeAdoption,
)
from surveys.questions import kinds_where

LOCKED_MESSAGE = _(
    "This survey has answers: you can correct texts, but questions, options and sections can no "
    "longer be removed and a question's type can no longer change. Add new ones instead."
)

TEXT_FIELDS = ["text_en", "text_fr", "text_es"]


def survey_has_answers(obj):
    if obj is None:
        return False
    if isinstance(obj, Survey):
        return obj.has_answers()
    if isinstance(obj, Question):
        return Response.objects.filter(survey_id=obj.section.survey_id).exists()
    return False


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "title_en", "title_fr", "title_es", "questions_link"]
    readonly_fields = ["questions_link"]

    def has_delete_permission(self, request, obj=None):
        return not survey_has_answers(obj) and super().has_delete_permission(request, obj)

    @admin.display(description=_("questions"))
    def questions_link(self, section):
        if not section.pk:
            return "—"
        url = reverse("admin:surveys_question_changelist") + f"?section__id__exact={section.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Edit the questions"))


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = [
        "title_en",
        "kind",
        "status",
        "opens_at",
        "closes_at",
        "results_public",
        "links",
    ]
    list_filter = ["kind", "status", "audience", "results_public"]
    search_fields = ["title_en", "title_fr", "title_es"]
    inlines = [SectionInline]
    readonly_fields = ["audience"]  # follows the kind
    autocomplete_fields = ["event"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title_en",
                    "title_fr",
                    "title_es",
                    "kind",
                    "dialogue",
                    "event",
                    "audience",
                ]
            },
        ),
        (_("Introduction"), {"fields": ["intro_en", "intro_fr", "intro_es"]}),
        (
            _("Schedule"),
            {
                "fields": [
                    "status",
                    "opens_at",
                    "closes_at",
                    "reminder_days_before_close",
                    "results_public",
                ]
            },
        ),
    ]

    def has_delete_permission(self, request, obj=None):
        return not survey_has_answers(obj) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        survey = self.get_object(request, object_id)
        if survey is not None and survey.has_answers() and request.method == "GET":
            self.message_user(request, LOCKED_MESSAGE, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description=_("pages"))
    def links(self, survey):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("surveys:dashboard", args=[survey.pk]),
            _("Response rate"),
            reverse("surveys:results", args=[survey.pk]),
            _("Results"),
        )


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ["position", *TEXT_FIELDS, "exclusive"]

    def has_delete_permission(self, request, obj=None):
        return not survey_has_answers(obj) and super().has_delete_permission(request, obj)


@admin.register(Question)
class QuestionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "section", "position", "kind", "required"]
    list_filter = ["section__survey", "kind", "required"]
    list_select_related = ["section", "section__survey"]
    search_fields = TEXT_FIELDS
    ordering = ["section__survey", "section__position", "position"]
    inlines = [OptionInline]
    autocomplete_fields = ["condition_question"]
    filter_horizontal = ["condition_options"]
    fieldsets = [
        (None, {"fields": ["section", "position", "kind", "required", *TEXT_FIELDS]}),
        (_("Help text"), {"fields": ["help_en", "help_fr", "help_es"]}),
        (
            _("Likert scale: labels of the ends"),
            {
                "fields": [
                    "low_label_en",
                    "low_label_fr",
                    "low_label_es",
                    "high_label_en",
                    "high_label_fr",
                    "high_label_es",
                ]
            },
        ),
        (
            _("Limits"),
            {"fields": ["min_choices", "max_choices", "top_k", "min_value", "max_value"]},
        ),
        (
            _("Display condition"),
            {"fields": ["condition_question", "condition_options", "condition_yes"]},
        ),
    ]

    def has_delete_permission(self, request, obj=None):
        return not survey_has_answers(obj) and super().has_delete_permission(request, obj)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """Condition options: only choice options of the same survey, labelled by question."""
        if db_field.name == "condition_options":
            options = Option.objects.filter(
                question__kind__in=kinds_where(lambda question_type: question_type.controls_display)
            ).select_related("question")
            object_id = request.resolver_match.kwargs.get("object_id")
            if object_id:
                survey = Question.objects.filter(pk=object_id).values("section__survey_id")
                options = options.filter(question__section__survey_id__in=survey)
            kwargs["queryset"] = options
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        question = self.get_object(request, object_id)
        if question is not None and survey_has_answers(question) and request.method == "GET":
            self.message_user(request, LOCKED_MESSAGE, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Response)
class ResponseAdmin(SimpleHistoryAdmin):
    """Responses are read here; delegates change them on their pages, staff reopen them there."""

    list_display = ["survey", "member_state", "status", "version", "updated_at", "submitted_at"]
    list_filter = ["survey", "status", "member_state__region"]
    list_select_related = ["survey", "member_state"]
    search_fields = ["member_state__name", "member_state__code"]
    readonly_fields = [
        "survey",
        "member_state",
        "registration",
        "status",
        "version",
        "updated_by",
        "submitted_at",
        "submitted_by",
        "reopen_reason",
        "page_link",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("page"))
    def page_link(self, response):
        if response.member_state is None:
            return "—"
        url = reverse("surveys:response", args=[response.survey_id, response.member_state.code])
        return format_html('<a href="{}">{}</a>', url, _("Open the response (reopen it there)"))


@admin.register(ThemeAdoption)
class ThemeAdoptionAdmin(SimpleHistoryAdmin):
    list_display = ["dialogue", "option", "borda_score", "respondents", "adopted_by", "adopted_at"]
    readonly_fields = [f.name for f in ThemeAdoption._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(EvaluationInvitation)
class EvaluationInvitationAdmin(admin.ModelAdmin):
    """Who was invited to evaluate which event, and when (staff send invitations from the
    event's evaluation page; the personal links are never shown here)."""

    list_display = ["registration", "survey", "invited_at", "invited_by"]
    list_filter = ["survey"]
    list_select_related = ["registration", "survey", "invited_by"]
    search_fields = ["registration__name", "registration__email"]
    fields = ["survey", "registration", "invited_at", "invited_by"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
