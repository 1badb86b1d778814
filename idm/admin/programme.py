from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from idm.admin.languages import LanguageColumns, side_by_side
from idm.content_languages import language_fields
from idm.models import Dialogue, Document
from idm.services import delete_document, save_document


class DocumentInline(admin.TabularInline):
    """The year's documents, English title only (the row is wide already): the French and
    Spanish titles are edited on the document's own page (its change link)."""

    model = Document
    extra = 0
    fields = [
        "symbol",
        "revision",
        "addendum",
        "title_en",
        "kind",
        "language",
        "status",
        "url",
        "file",
    ]
    show_change_link = True


@admin.register(Dialogue)
class DialogueAdmin(LanguageColumns, TranslationAdmin):
    """A dialogue year; its texts in English, French and Spanish side by side."""

    list_display = ["year", "theme", "document_count"]
    search_fields = language_fields("theme", "summary")
    fields = [
        "year",
        side_by_side("theme"),
        side_by_side("summary"),
        side_by_side("theme_selection"),
        side_by_side("funding_approach"),
    ]
    inlines = [DocumentInline]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(document_count=Count("documents", distinct=True))
        )

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, dialogue):
        return dialogue.document_count

    def save_formset(self, request, form, formset, change):
        """Documents added, changed or deleted in the inline go through the services, like the
        document's own page (a replaced or deleted file leaves the storage)."""
        if formset.model is not Document:
            super().save_formset(request, form, formset, change)
            return
        documents = formset.save(commit=False)
        for document in formset.deleted_objects:
            delete_document(document=document, actor=request.user)
        for document in documents:
            save_document(document=document, actor=request.user)
        formset.save_m2m()


@admin.register(Document)
class DocumentAdmin(LanguageColumns, TranslationAdmin):
    """A document in one language (`language`); its title and description can be given in the
    portal's three languages, for the pages that list it."""

    list_display = ["full_symbol", "title", "kind", "language", "status", "dialogue"]
    list_filter = ["kind", "language", "status", "dialogue"]
    ordering = ["-dialogue__year", "symbol", "revision", "addendum", "language"]
    list_select_related = ["dialogue"]
    search_fields = ["symbol", *language_fields("title", "description")]
    fields = [
        ("symbol", "revision", "addendum"),
        side_by_side("title"),
        ("kind", "language", "status"),
        "dialogue",
        ("file", "url"),
        side_by_side("description"),
        "published_on",
    ]
    date_hierarchy = "published_on"

    @admin.display(description=_("symbol"), ordering="symbol")
    def full_symbol(self, document):
        return document.full_symbol

    def save_model(self, request, obj, form, change):
        save_document(document=obj, actor=request.user)

    def delete_model(self, request, obj):
        delete_document(document=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for document in queryset:
            delete_document(document=document, actor=request.user)
