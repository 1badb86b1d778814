from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from principles import services
from principles.models import Principle, PrincipleSet, Topic


class PrincipleInline(admin.StackedInline):
    model = Principle
    extra = 0
    fields = [("label", "order"), "headline", "body", "topics", "events"]
    ordering = ["order", "label"]
    autocomplete_fields = ["topics", "events"]
    show_change_link = True


@admin.register(PrincipleSet)
class PrincipleSetAdmin(admin.ModelAdmin):
    list_display = ["title", "dialogue", "principle_count"]
    list_filter = ["dialogue"]
    list_select_related = ["dialogue"]
    search_fields = ["title", "introduction"]
    inlines = [PrincipleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(principle_count=Count("principles"))

    @admin.display(description=_("principles"), ordering="principle_count")
    def principle_count(self, principle_set):
        return principle_set.principle_count


@admin.register(Principle)
class PrincipleAdmin(SimpleHistoryAdmin):
    list_display = ["label", "headline", "principle_set", "order"]
    list_display_links = ["label", "headline"]
    list_filter = ["principle_set__dialogue", "principle_set", "topics"]
    list_select_related = ["principle_set__dialogue"]
    search_fields = ["headline", "body"]
    autocomplete_fields = ["topics", "events"]
    ordering = ["-principle_set__dialogue__year", "principle_set", "order"]

    def save_model(self, request, obj, form, change):
        services.save_principle(principle=obj, actor=request.user)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "principle_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(principle_count=Count("principles"))

    @admin.display(description=_("principles"), ordering="principle_count")
    def principle_count(self, topic):
        return topic.principle_count
