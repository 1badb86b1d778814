import django_filters
from rest_framework import mixins, viewsets

from idm.api.filters import ApiFilterSet, IntegerFilter
from idm.api.permissions import PublicReadStaffWrite, StaffOnly
from workshops.api.serializers import (
    EventDetailSerializer,
    EventSerializer,
    RegistrationSerializer,
)
from workshops.models import Event, Registration


class EventFilter(ApiFilterSet):
    year = IntegerFilter(field_name="dialogue__year")

    class Meta:
        model = Event
        fields = ["year", "kind", "status"]


class EventViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Events of the dialogue; the detail nests the agenda with speakers and documents.
    Anyone may read; IOM staff may create and change events (no deletion through the API)."""

    permission_classes = [PublicReadStaffWrite]
    lookup_field = "slug"
    filterset_class = EventFilter
    search_fields = ["title", "description"]
    ordering_fields = ["start_date", "title"]

    def get_queryset(self):
        if self.action == "retrieve":
            events = Event.objects.with_programme()
        else:
            events = Event.objects.select_related("dialogue").prefetch_related("documents")
        return events.in_calendar_order()

    def get_serializer_class(self):
        return EventDetailSerializer if self.action == "retrieve" else EventSerializer


class RegistrationFilter(ApiFilterSet):
    event = django_filters.CharFilter(field_name="event__slug")
    year = IntegerFilter(field_name="event__dialogue__year")

    class Meta:
        model = Registration
        fields = ["event", "year", "status", "category"]


class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    """Registrations of participants: personal data, for IOM staff only."""

    permission_classes = [StaffOnly]
    serializer_class = RegistrationSerializer
    queryset = Registration.objects.select_related("event", "member_state").order_by(
        "event", "created_at", "pk"
    )
    lookup_field = "reference"
    filterset_class = RegistrationFilter
    search_fields = ["name", "email", "organisation"]
