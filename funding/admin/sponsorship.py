"""Back office of sponsored participation: eligibility per state and year (a list to adjust
in bulk), and sponsorship requests with approve / decline / withdraw actions through the
service (an approval asks for its amount in USD and is refused beyond the event's line)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from funding import services, services_sponsorship
from funding.admin.history import FundingHistoryAdmin, year_of
from funding.models import Sponsorship, SponsorshipEligibility
from idm.models import Dialogue, Region


class YearOfEligibilityForm(forms.Form):
    dialogue = forms.ModelChoiceField(
        label=_("Dialogue year"), queryset=Dialogue.objects.order_by("-year")
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )


@admin.register(SponsorshipEligibility)
class SponsorshipEligibilityAdmin(FundingHistoryAdmin):
    """One row per state and year, filtered by year and region, with the eligibility editable
    in the list and bulk actions; "Record a year" makes the rows of a year from the states'
    standing flags."""

    change_list_template = "admin/funding/sponsorshipeligibility/change_list.html"
    list_display = ["member_state", "region", "year", "eligible", "standing_flag"]
    list_editable = ["eligible"]
    list_filter = ["dialogue", "member_state__region", "eligible"]
    list_select_related = ["member_state", "dialogue"]
    search_fields = ["member_state__name", "member_state__code"]
    autocomplete_fields = ["member_state"]
    list_per_page = 200
    actions = ["mark_eligible", "mark_not_eligible"]

    def get_urls(self):
        record_year = self.admin_site.admin_view(self.record_year_view)
        return [
            path("record-year/", record_year, name="funding_sponsorshipeligibility_record_year"),
            *super().get_urls(),
        ]

    year = year_of("dialogue")

    def get_readonly_fields(self, request, obj=None):
        return ["member_state", "dialogue"] if obj else []

    @admin.display(description=_("region"), ordering="member_state__region")
    def region(self, record):
        return record.member_state.get_region_display()

    @admin.display(description=_("standing flag"), boolean=True)
    def standing_flag(self, record):
        return record.member_state.sponsorship_eligible

    def save_model(self, request, obj, form, change):
        services.set_sponsorship_eligibility(
            member_state=obj.member_state,
            dialogue=obj.dialogue,
            eligible=obj.eligible,
            actor=request.user,
        )

    def delete_model(self, request, obj):
        services.delete_sponsorship_eligibility(record=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for record in queryset:
            services.delete_sponsorship_eligibility(record=record, actor=request.user)

    def _mark(self, request, queryset, eligible):
        for record in queryset.select_related("member_state", "dialogue"):
            services.set_sponsorship_eligibility(
                member_state=record.member_state,
                dialogue=record.dialogue,
                eligible=eligible,
                actor=request.user,
            )
        self.message_user(request, _("%(count)d states changed.") % {"count": queryset.count()})

    @admin.action(description=_("Mark selected states eligible in their year"))
    def mark_eligible(self, request, queryset):
        self._mark(request, queryset, True)

    @admin.action(description=_("Mark selected states not eligible in their year"))
    def mark_not_eligible(self, request, queryset):
        self._mark(request, queryset, False)

    def record_year_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = YearOfEligibilityForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            dialogue, region = form.cleaned_data["dialogue"], form.cleaned_data["region"]
            made = services.record_year_eligibilities(
                dialogue=dialogue, region=region, actor=request.user
            )
            self.message_user(
                request,
                _("%(count)d states recorded for IDM %(year)s from their standing flag.")
                % {"count": made, "year": dialogue.year},
            )
            query = {"dialogue__id__exact": dialogue.pk}
            if region:
                query["member_state__region__exact"] = region
            changelist = reverse("admin:funding_sponsorshipeligibility_changelist")
            return redirect(f"{changelist}?{urlencode(query)}")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Record the eligibility of a year"),
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(
            request, "admin/funding/sponsorshipeligibility/record_year.html", context
        )


class StatusOfRequestFilter(admin.SimpleListFilter):
    """Requests still waiting for a decision first, as staff work through them."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Sponsorship.Status.choices

    def queryset(self, request, queryset):
        if self.value() in Sponsorship.Status.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(Sponsorship)
class SponsorshipAdmin(FundingHistoryAdmin):
    list_display = [
        "participant",
        "state",
        "event",
        "status",
        "covers",
        "amount_usd",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    list_filter = [
        StatusOfRequestFilter,
        "registration__event__dialogue",
        "registration__member_state__region",
        "registration__event",
        "covers_travel",
        "covers_accommodation",
        "covers_daily_allowance",
    ]
    list_select_related = [
        "registration__event",
        "registration__member_state",
        "decided_by",
    ]
    search_fields = [
        "registration__name",
        "registration__email",
        "registration__member_state__name",
        "registration__event__title",
    ]
    date_hierarchy = "requested_at"
    readonly_fields = [
        "registration",
        "status",
        "amount_usd",
        "requested_by",
        "requested_at",
        "decided_by",
        "decided_at",
    ]
    fieldsets = [
        (None, {"fields": ["registration", "status", "amount_usd"]}),
        (
            _("Request"),
            {
                "fields": [
                    "covers_travel",
                    "covers_accommodation",
                    "covers_daily_allowance",
                    "justification",
                    "requested_by",
                    "requested_at",
                ]
            },
        ),
        (_("Decision"), {"fields": ["decision_note", "decided_by", "decided_at"]}),
    ]
    actions = ["approve", "decline", "withdraw"]

    @admin.display(description=_("participant"), ordering="registration__name")
    def participant(self, sponsorship):
        return sponsorship.registration.name

    @admin.display(description=_("state"), ordering="registration__member_state__name")
    def state(self, sponsorship):
        state = sponsorship.registration.member_state
        return state.display_name if state else "—"

    @admin.display(description=_("event"), ordering="registration__event__start_date")
    def event(self, sponsorship):
        return sponsorship.registration.event

    @admin.display(description=_("covers"))
    def covers(self, sponsorship):
        names = ["covers_travel", "covers_accommodation", "covers_daily_allowance"]
        return ", ".join(
            str(Sponsorship._meta.get_field(name).verbose_name)
            for name in names
            if getattr(sponsorship, name)
        )

    def has_add_permission(self, request):
        return False  # requests come from registrants and focal points, through the service

    def revert_disabled(self, request, obj=None):
        return True  # a decision is taken again through the actions, never reverted

    def has_delete_permission(self, request, obj=None):
        return False  # a request is withdrawn or declined, never erased

    def save_model(self, request, obj, form, change):
        services_sponsorship.save_sponsorship_details(sponsorship=obj, actor=request.user)

    def _selected(self, queryset):
        return queryset.select_related(
            "registration__event", "registration__member_state"
        ).order_by("registration__event__start_date", "requested_at", "pk")

    @admin.action(description=_("Approve selected requests (amount in USD for each)"))
    def approve(self, request, queryset):
        """An intermediate page asks the amount of each request; refusals (beyond the
        event's line) are shown beside their amount, the others are approved."""
        rows = list(self._selected(queryset))
        errors, typed = {}, {}
        if request.POST.get("apply"):
            approved = 0
            for sponsorship in rows:
                typed[sponsorship.pk] = request.POST.get(f"amount-{sponsorship.pk}", "").strip()
                try:
                    services_sponsorship.approve_sponsorship(
                        sponsorship=sponsorship,
                        amount_usd=typed[sponsorship.pk],
                        actor=request.user,
                        note=request.POST.get("note", ""),
                    )
                except ValidationError as error:
                    errors[sponsorship.pk] = " ".join(error.messages)
                else:
                    approved += 1
            if approved:
                self.message_user(request, _("Approved: %(count)d.") % {"count": approved})
            if not errors:
                return None
            rows = [row for row in rows if row.pk in errors]
        for row in rows:
            amount = row.amount_usd if row.amount_usd is not None else ""
            row.typed_amount = typed.get(row.pk, amount)
            row.error = errors.get(row.pk)
        return self._decision_page(request, rows, "approve", _("Approve sponsorships"))

    @admin.action(description=_("Decline selected requests"))
    def decline(self, request, queryset):
        rows = list(self._selected(queryset))
        if request.POST.get("apply"):
            declined, refused = 0, []
            for sponsorship in rows:
                try:
                    services_sponsorship.decline_sponsorship(
                        sponsorship=sponsorship,
                        actor=request.user,
                        note=request.POST.get("note", ""),
                    )
                except ValidationError as error:
                    refused.append(f"{sponsorship.registration.name}: {' '.join(error.messages)}")
                else:
                    declined += 1
            self.message_user(request, _("Declined: %(count)d.") % {"count": declined})
            for message in refused:
                self.message_user(request, message, messages.WARNING)
            return None
        return self._decision_page(request, rows, "decline", _("Decline sponsorships"))

    @admin.action(description=_("Withdraw selected (an approval's money returns to its line)"))
    def withdraw(self, request, queryset):
        withdrawn = 0
        for sponsorship in self._selected(queryset):
            try:
                services_sponsorship.withdraw_sponsorship(
                    sponsorship=sponsorship, actor=request.user
                )
            except ValidationError as error:
                self.message_user(
                    request,
                    f"{sponsorship.registration.name}: {' '.join(error.messages)}",
                    messages.WARNING,
                )
            else:
                withdrawn += 1
        self.message_user(request, _("Withdrawn: %(count)d.") % {"count": withdrawn})

    def _decision_page(self, request, rows, action, title):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "rows": rows,
            "action": action,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
            "note": request.POST.get("note", ""),
        }
        return TemplateResponse(request, "admin/funding/sponsorship/decision.html", context)
