import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from idm.api.filters import ApiFilterSet, IntegerFilter
from idm.api.permissions import PublicReadStaffWrite, StaffOnly
from idm.api.schema import error_response
from workshops import services
from workshops.api.serializers import (
    CheckInSerializer,
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

    @extend_schema(
        request=None,
        responses={
            200: CheckInSerializer,
            409: error_response(
                409, "Already checked in (`checked_in_at` says when), or not confirmed."
            ),
        },
    )
    @action(detail=True, methods=["post"], url_path="check-in", permission_classes=[StaffOnly])
    def check_in(self, request, reference=None):
        """Mark the participant as attended (staff at the door, like the check-in page)."""
        registration = self.get_object()
        try:
            registration = services.check_in(registration=registration, by=request.user)
        except services.AlreadyCheckedIn as already:
            at = already.registration.checked_in_at
            return Response(
                {
                    "detail": _("Already checked in at %(time)s.")
                    % {"time": timezone.localtime(at).strftime("%H:%M")},
                    "checked_in_at": at,
                },
                status=status.HTTP_409_CONFLICT,
            )
        except ValidationError as error:
            return Response({"detail": " ".join(error.messages)}, status=status.HTTP_409_CONFLICT)
        return Response(CheckInSerializer(registration).data)
