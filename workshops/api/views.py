import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from idm.api.filters import ApiFilterSet, IntegerFilter
from idm.api.permissions import PublicReadStaffWrite, StaffOnly
from idm.api.schema import error_response
from workshops import services
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

    @extend_schema(request=None, responses={200: RegistrationSerializer, 409: error_response(409)})
    @action(detail=True, methods=["post"], permission_classes=[StaffOnly])
    def approve(self, request, reference=None):
        """Approve a pending registration: confirmed if a seat is free, else waitlisted; the
        participant is emailed (IOM staff)."""
        registration = self.get_object()
        if registration.status != Registration.Status.PENDING:
            return not_decidable("Only a pending registration can be approved.")
        services.approve_registrations(registrations=[registration], actor=request.user)
        registration.refresh_from_db()
        return Response(self.get_serializer(registration).data)

    @extend_schema(request=None, responses={200: RegistrationSerializer, 409: error_response(409)})
    @action(detail=True, methods=["post"], permission_classes=[StaffOnly])
    def decline(self, request, reference=None):
        """Decline a pending, waitlisted or confirmed registration; the participant is emailed
        and a freed seat goes to the waiting list (IOM staff)."""
        registration = self.get_object()
        if registration.status not in Registration.DECIDABLE:
            return not_decidable("This registration is cancelled, declined or attended already.")
        services.decline_registrations(registrations=[registration], actor=request.user)
        registration.refresh_from_db()
        return Response(self.get_serializer(registration).data)


def not_decidable(detail):
    return Response({"detail": detail}, status=status.HTTP_409_CONFLICT)
