from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from idm.admin.languages import LanguageColumns, side_by_side
from idm.content_languages import language_fields
from principles import services
from principles.models import Principle, PrincipleSet, Topic


class PrincipleInline(LanguageColumns, TranslationStackedInline):
    model = Principle
    extra = 0
    fields = [
        ("label", "order"),
        side_by_side("headline"),
        side_by_side("body"),
        "topics",
        "events",
    ]
    ordering = ["order", "label"]
    autocomplete_fields = ["topics", "events"]
    show_change_link = True


@admin.register(PrincipleSet)
class PrincipleSetAdmin(LanguageColumns, TranslationAdmin):
    """A set of principles; its texts (and its principles') in English, French and Spanish
    side by side."""

    list_display = ["title", "dialogue", "principle_count"]
    list_filter = ["dialogue"]
    list_select_related = ["dialogue"]
    search_fields = language_fields("title", "introduction")
    fields = ["dialogue", side_by_side("title"), side_by_side("introduction"), "order"]
    inlines = [PrincipleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(principle_count=Count("principles"))

    @admin.display(description=_("principles"), ordering="principle_count")
    def principle_count(self, principle_set):
        return principle_set.principle_count


@admin.register(Principle)
class PrincipleAdmin(LanguageColumns, TranslationAdmin, SimpleHistoryAdmin):
    """A principle; its headline and body in English, French and Spanish side by side."""

    list_display = ["label", "headline", "principle_set", "order"]
    list_display_links = ["label", "headline"]
    list_filter = ["principle_set__dialogue", "principle_set", "topics"]
    list_select_related = ["principle_set__dialogue"]
    search_fields = language_fields("headline", "body")
    fields = [
        "principle_set",
        ("label", "order"),
        side_by_side("headline"),
        side_by_side("body"),
        "topics",
        "events",
    ]
    autocomplete_fields = ["topics", "events"]
    ordering = ["-principle_set__dialogue__year", "principle_set", "order"]

    def save_model(self, request, obj, form, change):
        services.save_principle(principle=obj, actor=request.user)


@admin.register(Topic)
class TopicAdmin(LanguageColumns, TranslationAdmin):
    """A topic; its name in English, French and Spanish side by side."""

    list_display = ["name", "slug", "principle_count"]
    search_fields = language_fields("name")
    fields = [side_by_side("name"), "slug"]
    prepopulated_fields = {"slug": ["name"]}  # from the English name

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(principle_count=Count("principles"))

    @admin.display(description=_("principles"), ordering="principle_count")
    def principle_count(self, topic):
        return topic.principle_count
