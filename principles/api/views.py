import django_filters
from django.db.models import Prefetch
from rest_framework import mixins, viewsets

from idm.api.conditional import CachedReadMixin
from idm.api.filters import ApiFilterBackend, ApiFilterSet, IntegerFilter
from idm.api.permissions import PublicReadStaffWrite
from principles.api.serializers import PrincipleSerializer
from principles.models import Principle
from workshops.models import Event


class PrincipleFilter(ApiFilterSet):
    year = IntegerFilter(field_name="principle_set__dialogue__year")
    topic = django_filters.CharFilter(field_name="topics__slug")
    label = django_filters.CharFilter(field_name="label", lookup_expr="iexact")
    search = django_filters.CharFilter(method="search_text", label="Full-text search")

    class Meta:
        model = Principle
        fields = ["year", "topic", "label", "principle_set"]

    def search_text(self, principles, name, value):
        return principles.search(value)


class PrincipleViewSet(
    CachedReadMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Key policy principles, lettered (a), (b)…, with topics and the events they emanated
    from. `?search=` runs a full-text search (English stemming on PostgreSQL)."""

    permission_classes = [PublicReadStaffWrite]
    serializer_class = PrincipleSerializer
    filterset_class = PrincipleFilter
    filter_backends = [ApiFilterBackend]

    def get_queryset(self):
        return (
            Principle.objects.select_related("principle_set__dialogue")
            .prefetch_related("topics", Prefetch("events", queryset=Event.objects.only("slug")))
            .order_by("-principle_set__dialogue__year", "principle_set", "order")
        )
