"""Back office of the money: donors, contributions (with their allocations by hand), budget
lines, events' budgets and the programme budget of each year."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from funding import services
from funding.admin.history import FundingHistoryAdmin, year_of
from funding.allocation import event_funding
from funding.currencies import currency_choices
from funding.models import (
    BudgetLine,
    Contribution,
    Donor,
    EventBudget,
    ManualAllocation,
    ProgrammeBudget,
    Sponsorship,
)
from workshops.models import Event


class ServiceDeletes:
    """Deleting one or several rows goes through the service `delete` (actor recorded)."""

    def delete_model(self, request, obj):
        self.delete(obj, request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete(obj, request.user)


@admin.register(Donor)
class DonorAdmin(ServiceDeletes, FundingHistoryAdmin):
    list_display = ["__str__", "kind", "member_state", "contribution_count"]
    list_filter = ["kind"]
    list_select_related = ["member_state"]
    search_fields = ["name", "member_state__name", "member_state__code"]
    autocomplete_fields = ["member_state"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(contribution_count=Count("contributions"))

    @admin.display(description=_("contributions"), ordering="contribution_count")
    def contribution_count(self, donor):
        return donor.contribution_count

    def save_model(self, request, obj, form, change):
        services.save_donor(donor=obj, actor=request.user)

    def delete(self, obj, actor):
        services.delete_donor(donor=obj, actor=actor)


class AllocationFormSet(forms.BaseInlineFormSet):
    """The contribution's allocations by hand, checked as a whole before anything is saved
    (unearmarked money, events of its year, no more than it holds)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        planned = {}
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("event"):
                continue
            planned[data["event"]] = data.get("amount_usd") or 0
        try:
            services.check_allocation_plan(contribution=self.instance, planned=planned)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


class AllocationInline(admin.TabularInline):
    model = ManualAllocation
    formset = AllocationFormSet
    extra = 0
    fields = ["event", "amount_usd"]
    autocomplete_fields = ["event"]
    verbose_name = _("allocation by hand")
    verbose_name_plural = _("allocations by hand (unearmarked money put on an event)")


class ContributionForm(forms.ModelForm):
    currency = forms.TypedChoiceField(label=_("currency"), choices=currency_choices)

    class Meta:
        model = Contribution
        fields = [
            "donor",
            "dialogue",
            "event",
            "agreement_reference",
            "amount",
            "currency",
            "rate_to_usd",
            "rate_date",
            "status",
            "pledged_on",
            "received_on",
            "is_public",
            "notes",
        ]

    def _post_clean(self):
        """After the model's own validation: what is allocated by hand still fits."""
        super()._post_clean()
        try:
            services.check_allocations_fit(self.instance)
        except ValidationError as error:
            self._update_errors(error)


class EarmarkedFilter(admin.SimpleListFilter):
    title = _("earmarked")
    parameter_name = "earmarked"

    def lookups(self, request, model_admin):
        return [("yes", _("Earmarked to an event")), ("no", _("For the whole programme"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(event__isnull=False)
        if self.value() == "no":
            return queryset.filter(event__isnull=True)
        return queryset


@admin.register(Contribution)
class ContributionAdmin(ServiceDeletes, FundingHistoryAdmin):
    form = ContributionForm
    list_display = [
        "donor",
        "year",
        "event",
        "amount_in_currency",
        "amount_in_usd",
        "status",
        "pledged_on",
        "received_on",
        "is_public",
        "agreement_reference",
    ]
    list_filter = ["dialogue", "status", EarmarkedFilter, "currency", "is_public"]
    list_select_related = ["donor__member_state", "dialogue", "event"]
    search_fields = [
        "donor__name",
        "donor__member_state__name",
        "agreement_reference",
        "notes",
        "event__title",
    ]
    autocomplete_fields = ["donor", "event"]
    date_hierarchy = "pledged_on"
    inlines = [AllocationInline]
    fieldsets = [
        (None, {"fields": ["donor", "dialogue", "event", "agreement_reference"]}),
        (_("Amount"), {"fields": ["amount", "currency", "rate_to_usd", "rate_date"]}),
        (_("Status"), {"fields": ["status", "pledged_on", "received_on"]}),
        (_("Publicity and notes"), {"fields": ["is_public", "notes"]}),
    ]

    year = year_of("dialogue")

    @admin.display(description=_("amount"), ordering="amount")
    def amount_in_currency(self, contribution):
        return f"{contribution.amount} {contribution.currency}"

    @admin.display(description=_("amount (USD)"))
    def amount_in_usd(self, contribution):
        return contribution.amount_usd

    def save_model(self, request, obj, form, change):
        services.save_contribution(contribution=obj, actor=request.user)

    def delete(self, obj, actor):
        services.delete_contribution(contribution=obj, actor=actor)

    def save_formset(self, request, form, formset, change):
        """Allocations by hand through the service (the contribution locked): removals first,
        then reductions, then the rest, so that moving money between events always fits."""
        if formset.model is not ManualAllocation:
            super().save_formset(request, form, formset, change)
            return
        allocations = formset.save(commit=False)
        for allocation in formset.deleted_objects:
            services.remove_allocation(allocation=allocation, actor=request.user)
        before = dict(
            ManualAllocation.objects.filter(contribution=form.instance).values_list(
                "pk", "amount_usd"
            )
        )
        allocations.sort(key=lambda a: (a.pk is None, a.amount_usd - before.get(a.pk, 0)))
        for allocation in allocations:
            if allocation.pk and before.get(allocation.pk) is not None:
                stale = ManualAllocation.objects.get(pk=allocation.pk)
                if stale.event_id != allocation.event_id:  # moved to another event
                    services.remove_allocation(allocation=stale, actor=request.user)
            try:
                services.allocate_by_hand(
                    contribution=form.instance,
                    event=allocation.event,
                    amount_usd=allocation.amount_usd,
                    actor=request.user,
                )
            except ValidationError as error:  # another staff member allocated meanwhile
                self.message_user(request, " ".join(error.messages), messages.ERROR)


@admin.register(ManualAllocation)
class ManualAllocationAdmin(FundingHistoryAdmin):
    """Allocations by hand, to read and trace; they are edited on their contribution."""

    list_display = ["contribution", "event", "amount_usd"]
    list_filter = ["contribution__dialogue", "event"]
    list_select_related = ["contribution__donor__member_state", "contribution__dialogue", "event"]
    search_fields = ["event__title", "contribution__donor__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(BudgetLine)
class BudgetLineAdmin(ServiceDeletes, FundingHistoryAdmin):
    list_display = ["event", "year", "category", "amount_usd", "is_demo", "description"]
    list_editable = ["amount_usd"]
    list_filter = ["event__dialogue", "category", "is_demo", "event"]
    list_select_related = ["event__dialogue"]
    search_fields = ["event__title", "description"]
    autocomplete_fields = ["event"]
    ordering = ["-event__dialogue__year", "event__start_date", "event", "category"]

    year = year_of("event__dialogue")

    def save_model(self, request, obj, form, change):
        services.save_budget_line(line=obj, actor=request.user)

    def delete(self, obj, actor):
        services.delete_budget_line(line=obj, actor=actor)


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 1
    fields = ["category", "amount_usd", "description", "is_demo"]


def money_subquery(model, event_path, **filters):
    """The sum of `model`'s amount_usd for the outer event (0 without rows): one subquery."""
    rows = (
        model.objects.filter(**{event_path: OuterRef("pk")}, **filters)
        .order_by()
        .values(event_path)
        .annotate(total=Sum("amount_usd"))
        .values("total")
    )
    return Coalesce(Subquery(rows, output_field=DecimalField()), 0, output_field=DecimalField())


@admin.register(EventBudget)
class EventBudgetAdmin(admin.ModelAdmin):
    """Each event's budget lines in one place; the funding they receive is computed by the
    allocation and shown on the page. The event itself is edited in the programme."""

    list_display = [
        "title",
        "year",
        "start_date",
        "status",
        "budget_total",
        "sponsorship_line",
        "spent_on_sponsorships",
    ]
    list_filter = ["dialogue", "kind", "status"]
    list_select_related = ["dialogue"]
    search_fields = ["title", "slug"]
    ordering = ["-dialogue__year", "start_date", "order", "title"]
    fields = ["title", "dialogue", "start_date", "end_date", "status", "funding"]
    readonly_fields = fields
    inlines = [BudgetLineInline]
    year = year_of("dialogue")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                budget_total=money_subquery(BudgetLine, "event"),
                sponsorship_line=money_subquery(
                    BudgetLine, "event", category=BudgetLine.Category.SPONSORED_PARTICIPANTS
                ),
                spent=money_subquery(
                    Sponsorship, "registration__event", status=Sponsorship.Status.APPROVED
                ),
            )
        )

    @admin.display(description=_("budget (USD)"), ordering="budget_total")
    def budget_total(self, event):
        return event.budget_total

    @admin.display(description=_("sponsored participants (USD)"), ordering="sponsorship_line")
    def sponsorship_line(self, event):
        return event.sponsorship_line

    @admin.display(description=_("sponsorships approved (USD)"), ordering="spent")
    def spent_on_sponsorships(self, event):
        return event.spent

    @admin.display(description=_("funding"))
    def funding(self, event):
        if event.status == Event.Status.CANCELLED:
            return _("Cancelled: the event takes no money.")
        item = event_funding(event)
        return _(
            "%(status)s. Budget %(budget)s USD, funded %(funded)s USD (earmarked %(earmarked)s, "
            "by hand %(by_hand)s, from the year's programme %(automatic)s), gap %(gap)s USD, "
            "surplus %(surplus)s USD. Sponsored participants: %(line)s USD, approved "
            "%(spent)s USD, remaining %(remaining)s USD."
        ) % {
            "status": item.status_label,
            "budget": item.budget,
            "funded": item.funded,
            "earmarked": item.earmarked,
            "by_hand": item.allocated_by_hand,
            "automatic": item.allocated_automatically,
            "gap": item.gap,
            "surplus": item.surplus,
            "line": item.sponsorship_budget,
            "spent": item.spent_on_sponsorships,
            "remaining": item.sponsorship_remaining,
        }

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Nothing of the event changes here (its fields are read-only)."""

    def save_formset(self, request, form, formset, change):
        lines = formset.save(commit=False)
        for line in formset.deleted_objects:
            services.delete_budget_line(line=line, actor=request.user)
        for line in lines:
            services.save_budget_line(line=line, actor=request.user)


@admin.register(ProgrammeBudget)
class ProgrammeBudgetAdmin(ServiceDeletes, FundingHistoryAdmin):
    list_display = ["dialogue", "amount_usd", "is_demo", "document_count"]
    list_filter = ["is_demo"]
    list_select_related = ["dialogue"]
    search_fields = ["description", "dialogue__theme"]
    autocomplete_fields = ["documents"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(document_count=Count("documents", filter=Q(documents__isnull=False)))
        )

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, budget):
        return budget.document_count

    def save_model(self, request, obj, form, change):
        services.save_programme_budget(
            budget=obj, actor=request.user, documents=form.cleaned_data.get("documents", [])
        )

    def save_related(self, request, form, formsets, change):
        """The documents were set by the service; only inlines remain (none today)."""
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete(self, obj, actor):
        services.delete_programme_budget(budget=obj, actor=actor)
