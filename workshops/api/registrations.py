"""Registration through the API: the body of `POST /api/v1/registrations/`, saved by the same
service as the registration form (capacity, waiting list, emails)."""

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import translation
from rest_framework import serializers

from idm.api.errors import api_validation_error
from idm.models import MemberState
from workshops import services
from workshops.api.serializers import RegistrationSerializer
from workshops.models import Event, Registration


class RegistrationCreateSerializer(serializers.ModelSerializer):
    """A participant's registration for an event (anyone may register)."""

    event = serializers.SlugRelatedField(slug_field="slug", queryset=Event.objects.all())
    member_state = serializers.SlugRelatedField(
        slug_field="code",
        queryset=MemberState.objects.all(),
        required=False,
        allow_null=True,
        help_text="ISO code of the state a delegate represents (required for state delegates).",
    )
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The language of the participant's emails; default: the request's language.",
    )

    class Meta:
        model = Registration
        fields = [
            "event",
            "name",
            "email",
            "organisation",
            "function",
            "category",
            "member_state",
            "participation",
            "needs",
            "listed_publicly",
            "language",
        ]
        # The model's full_clean (in the service) checks the constraints.
        validators = []

    def create(self, validated_data):
        request = self.context["request"]
        language = validated_data.pop("language", None) or translation.get_language() or "en"
        try:
            return services.register(user=request.user, language=language, **validated_data)
        except DjangoValidationError as error:
            raise api_validation_error(error) from error

    def to_representation(self, registration):
        return RegistrationCreatedSerializer(registration, context=self.context).data


class RegistrationCreatedSerializer(RegistrationSerializer):
    """The new registration, with the participant's own page (view, change or cancel)."""

    page = serializers.SerializerMethodField()

    class Meta(RegistrationSerializer.Meta):
        fields = [*RegistrationSerializer.Meta.fields, "page"]
        read_only_fields = fields

    def get_page(self, registration) -> str:
        request = self.context.get("request")
        path = registration.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path
