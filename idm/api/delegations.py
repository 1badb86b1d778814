"""API of delegations: each member state's roster, scoped to the caller, and API tokens."""

from django.contrib.auth import authenticate, get_user_model
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from idm.api.conditional import CachedReadMixin
from idm.models import Invitation, MemberState
from idm.permissions import can_view_delegation, is_staff
from idm.security import lockout_message


class DelegateSerializer(serializers.ModelSerializer):
    role = serializers.CharField(source="delegation_role")

    class Meta:
        model = get_user_model()
        fields = ["email", "first_name", "last_name", "role"]


class PendingInvitationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Invitation
        fields = ["email", "role", "created_at", "expires_at"]


class DelegationSerializer(serializers.ModelSerializer):
    delegates = DelegateSerializer(source="active_delegates", many=True)
    pending_invitations = PendingInvitationSerializer(source="open_invitations", many=True)

    class Meta:
        model = MemberState
        fields = ["code", "name", "region", "membership", "delegates", "pending_invitations"]


class DelegationAccess(BasePermission):
    """IOM staff and delegates; a delegate reaches only their own state's delegation."""

    def has_permission(self, request, view):
        user = request.user
        return is_staff(user) or bool(user.is_authenticated and user.member_state_id)

    def has_object_permission(self, request, view, obj):
        return can_view_delegation(request.user, obj)


class DelegationViewSet(CachedReadMixin, viewsets.ReadOnlyModelViewSet):
    """Delegations: a member state with its active delegates (and their roles) and its
    pending invitations. Staff see every delegation, a delegate only their own."""

    serializer_class = DelegationSerializer
    permission_classes = [DelegationAccess]
    # Invitations and accounts change without content_changed(); ETag and 304 still apply.
    cache_reads = False
    lookup_field = "code"
    filterset_fields = ["region", "membership"]
    search_fields = ["name", "code"]
    ordering_fields = ["name", "code"]

    def get_queryset(self):
        User = get_user_model()
        states = MemberState.objects.filter(delegates__is_active=True).distinct()
        if getattr(self, "swagger_fake_view", False):
            return states.none()
        if not is_staff(self.request.user):
            states = states.filter(pk=self.request.user.member_state_id)
        return states.order_by("name").prefetch_related(
            Prefetch(
                "delegates",
                queryset=User.objects.filter(is_active=True).order_by("last_name", "email"),
                to_attr="active_delegates",
            ),
            Prefetch(
                "invitations",
                queryset=Invitation.objects.pending().order_by("email"),
                to_attr="open_invitations",
            ),
        )


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)
    otp_token = serializers.RegexField(
        r"^\d{6}$",
        required=False,
        help_text=gettext_lazy("IOM staff: the current six-digit code of their authenticator app."),
    )


def staff_code_is_valid(user, code):
    return any(
        device.verify_is_allowed()[0] and device.verify_token(code)
        for device in TOTPDevice.objects.filter(user=user, confirmed=True)
    )


class AuthTokenView(APIView):
    """Your personal API token (header `Authorization: Token <key>`).

    POST with email and password (IOM staff also give `otp_token`, the current code of their
    authenticator app, so a token never bypasses two-factor authentication). Failed attempts
    count towards the login lockout: five lock the account and the address for 15 minutes.
    DELETE (authenticated with the token) deletes it.
    """

    permission_classes = [AllowAny]

    def get_permissions(self):
        if self.request.method == "DELETE":
            return [IsAuthenticated()]
        return super().get_permissions()

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: inline_serializer("AuthToken", {"token": serializers.CharField()})},
    )
    def post(self, request):
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(
            django_request,
            username=data.validated_data["email"],
            password=data.validated_data["password"],
        )
        if getattr(django_request, "axes_locked_out", False):
            return Response({"detail": lockout_message()}, status=429)
        if user is None:
            raise serializers.ValidationError(
                {"non_field_errors": [_("The email address or password is not correct.")]}
            )
        if user.is_staff:
            code = data.validated_data.get("otp_token")
            if not code:
                raise serializers.ValidationError(
                    {"otp_token": [_("IOM staff also give the code of their authenticator app.")]}
                )
            if not staff_code_is_valid(user, code):
                raise serializers.ValidationError({"otp_token": [_("This code is not valid.")]})
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None})
    def delete(self, request):
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
