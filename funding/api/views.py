"""The funding API: contributions and budget lines for IOM staff (`funding.view_amounts`),
and every event's funding summary for everyone (`/api/v1/events/{slug}/funding/`)."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, viewsets
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from funding import services
from funding.api.serializers import (
    BudgetLineSerializer,
    ContributionSerializer,
    DonorSerializer,
    EventFundingSerializer,
)
from funding.models import BudgetLine, Contribution, Donor
from funding.summary import event_summary
from idm.api.conditional import CachedReadMixin
from idm.api.filters import ApiFilterSet, IntegerFilter, StrictBooleanFilter
from workshops.models import Event


class ViewsAmounts(BasePermission):
    """IOM staff only (`funding.view_amounts`): donors, contributions and budgets are money
    that is not public. Anonymous: 401; anyone else: 403."""

    def has_permission(self, request, view):
        return request.user.has_perm("funding.view_amounts")


class AnyoneMayRead(BasePermission):
    """The public funding summary: anyone may read it (what it shows depends on the caller)."""

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS


class DonorViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    """Donors: member states (linked) and other organizations (IOM staff). Their ids are the
    `donor` of a contribution."""

    permission_classes = [ViewsAmounts]
    serializer_class = DonorSerializer
    filterset_fields = ["kind"]
    search_fields = ["name", "member_state__name", "member_state__code"]

    def get_queryset(self):
        return Donor.objects.select_related("member_state").order_by("name", "pk")


class ContributionFilter(ApiFilterSet):
    year = IntegerFilter(field_name="dialogue__year", label="Dialogue year")
    event = django_filters.CharFilter(field_name="event__slug", label="Earmarked event (slug)")
    earmarked = StrictBooleanFilter(
        field_name="event", lookup_expr="isnull", exclude=True, label="Earmarked for an event"
    )

    class Meta:
        model = Contribution
        fields = ["year", "donor", "event", "earmarked", "status", "currency", "is_public"]


class ContributionViewSet(
    CachedReadMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Contributions of donors to a dialogue year, earmarked to one event or not (IOM staff).
    POST, PATCH and DELETE go through the same service as the back office; money is a
    decimal string."""

    permission_classes = [ViewsAmounts]
    serializer_class = ContributionSerializer
    filterset_class = ContributionFilter
    search_fields = ["agreement_reference", "donor__name", "donor__member_state__name"]
    ordering_fields = ["pledged_on", "amount", "received_on"]

    def get_queryset(self):
        return Contribution.objects.select_related(
            "donor__member_state", "dialogue", "event"
        ).order_by("-dialogue__year", "pledged_on", "pk")

    def perform_destroy(self, contribution):
        services.delete_contribution(contribution=contribution, actor=self.request.user)


class BudgetLineFilter(ApiFilterSet):
    year = IntegerFilter(field_name="event__dialogue__year", label="Dialogue year")
    event = django_filters.CharFilter(field_name="event__slug", label="Event (slug)")

    class Meta:
        model = BudgetLine
        fields = ["year", "event", "category", "is_demo"]


class BudgetLineViewSet(
    CachedReadMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Budget lines of events, one per category, in USD (IOM staff). `is_demo` marks the
    seed's illustrative figures."""

    permission_classes = [ViewsAmounts]
    serializer_class = BudgetLineSerializer
    filterset_class = BudgetLineFilter
    search_fields = ["description", "event__title"]
    ordering_fields = ["amount_usd", "category"]

    def get_queryset(self):
        return BudgetLine.objects.select_related("event__dialogue").order_by(
            "-event__dialogue__year", "event__start_date", "event__slug", "category", "pk"
        )

    def perform_destroy(self, line):
        services.delete_budget_line(line=line, actor=self.request.user)


class EventFundingView(CachedReadMixin, generics.GenericAPIView):
    """An event's funding, computed from its budget and the year's contributions: `status`
    (`subject_to_funding` while money is missing, `funded` once the budget is covered,
    `not_budgeted` without a budget or for a cancelled event), `percent_funded` and the
    donors whose contribution is public. IOM staff also get the amounts in USD."""

    permission_classes = [AnyoneMayRead]
    serializer_class = EventFundingSerializer
    queryset = Event.objects.select_related("dialogue")
    lookup_field = "slug"
    pagination_class = None
    filter_backends = []

    @extend_schema(responses={200: EventFundingSerializer})
    def get(self, request, slug):
        event = get_object_or_404(self.get_queryset(), slug=slug)
        context = {
            **self.get_serializer_context(),
            "show_amounts": request.user.has_perm("funding.view_amounts"),
        }
        return Response(EventFundingSerializer(event_summary(event), context=context).data)
