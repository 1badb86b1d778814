import django_filters
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from idm.api.conditional import CachedReadMixin
from idm.api.filters import ApiFilterSet, IntegerFilter
from idm.api.idempotency import idempotent
from idm.api.permissions import PublicReadStaffWrite, StaffOnly
from idm.api.schema import error_response
from idm.api.throttling import ScopedRateThrottle
from idm.content_languages import language_fields
from idm.permissions import is_focal_point_of, is_staff
from workshops import services
from workshops.api.registrations import RegistrationCreatedSerializer, RegistrationCreateSerializer
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
    CachedReadMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Events of the dialogue; the detail nests the agenda with speakers and documents.
    Anyone may read; IOM staff may create and change events (no deletion through the API)."""

    permission_classes = [PublicReadStaffWrite]
    lookup_field = "slug"
    filterset_class = EventFilter
    search_fields = language_fields("title", "description")
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


def focal_point_state(user):
    """The state whose registrations `user` sees as its focal point; None for anyone else."""
    state_id = getattr(user, "member_state_id", None)
    return state_id if is_focal_point_of(user, state_id) else None


class RegistrationAccess(BasePermission):
    """Anyone may register; staff read every registration, a focal point their own state's
    (the queryset is scoped); every other action is for staff."""

    def has_permission(self, request, view):
        if view.action == "create":
            return True
        if view.action in ("list", "retrieve"):
            return is_staff(request.user) or focal_point_state(request.user) is not None
        return is_staff(request.user)


class RegistrationViewSet(CachedReadMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Registrations of participants. Anyone may register (POST, throttled; send an
    Idempotency-Key to retry safely). Reading is personal data: IOM staff see every
    registration, a state's focal point the registrations of their state."""

    permission_classes = [RegistrationAccess]
    serializer_class = RegistrationSerializer
    lookup_field = "reference"
    filterset_class = RegistrationFilter
    search_fields = ["name", "email", "organisation"]
    throttle_scope = "registrations"

    def get_queryset(self):
        # By event (its key: ordering by "event" would sort every registration by the event's
        # date), then in the order they registered: the index registration_event_created.
        registrations = Registration.objects.select_related("event", "member_state").order_by(
            "event_id", "created_at", "pk"
        )
        user = self.request.user
        if is_staff(user):
            return registrations
        state = focal_point_state(user)
        if state is not None:
            return registrations.filter(member_state_id=state)
        return registrations.none()

    def get_serializer_class(self):
        if self.action == "create":
            return RegistrationCreateSerializer
        return super().get_serializer_class()

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.action == "create":
            throttles.append(ScopedRateThrottle())
        return throttles

    @extend_schema(
        request=RegistrationCreateSerializer, responses={201: RegistrationCreatedSerializer}
    )
    @idempotent
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

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


def not_decidable(detail):
    return Response({"detail": detail}, status=status.HTTP_409_CONFLICT)
