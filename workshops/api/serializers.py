from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from idm.api.serializers import DocumentHrefField
from idm.api.translated import TranslatedContentSerializer, with_translations
from idm.models import Dialogue, Document
from workshops import services
from workshops.models import Event, Registration, Session, SessionSpeaker


class AttachedDocumentSerializer(serializers.ModelSerializer):
    href = DocumentHrefField()
    full_symbol = serializers.CharField(read_only=True)

    class Meta:
        model = Document
        fields = ["id", "symbol", "full_symbol", "title", "kind", "language", "status", "href"]


class SessionSpeakerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="speaker.name")
    function = serializers.CharField(source="speaker.function")
    organisation = serializers.CharField(source="speaker.organisation")
    member_state = serializers.CharField(
        source="speaker.member_state.code", default=None, allow_null=True
    )
    presentation = AttachedDocumentSerializer(allow_null=True)

    class Meta:
        model = SessionSpeaker
        fields = [
            "role",
            "name",
            "function",
            "organisation",
            "member_state",
            "presentation_title",
            "presentation",
        ]


class SessionSerializer(serializers.ModelSerializer):
    speakers = SessionSpeakerSerializer(many=True)
    documents = AttachedDocumentSerializer(many=True)

    class Meta:
        model = Session
        fields = [
            "order",
            "date",
            "starts_at",
            "ends_at",
            "title",
            "kind",
            "description",
            "speakers",
            "documents",
            "recording_url",
        ]


class EventSerializer(TranslatedContentSerializer):
    """An event, its title and description in the request's language; staff write through
    the same service and validation as the back office."""

    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", lookup_field="slug")
    dialogue_year = serializers.SlugRelatedField(
        source="dialogue", slug_field="year", queryset=Dialogue.objects.all()
    )
    documents = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Document.objects.all(), required=False
    )
    registration_open = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "url",
            "slug",
            "dialogue_year",
            "kind",
            *with_translations("title"),
            "start_date",
            "end_date",
            "venue",
            "city",
            "status",
            *with_translations("description"),
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "registration_open",
            "format",
            "livestream_url",
            "meeting_url",
            "meeting_passcode",
            "documents",
            "page",
        ]
        translated_fields = ["title", "description"]
        # Uniqueness and constraints are checked by the model's full_clean in the service.
        validators = []
        # The meeting link reaches confirmed online participants only (their email and
        # registration page): staff may set it here, no response ever shows it.
        extra_kwargs = {
            "slug": {"validators": []},
            "meeting_url": {"write_only": True},
            "meeting_passcode": {"write_only": True},
        }

    def get_registration_open(self, event) -> bool:
        return event.registration_is_open()

    def get_page(self, event) -> str:
        request = self.context.get("request")
        path = event.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path

    def create(self, validated_data):
        documents = validated_data.pop("documents", None)
        return self._save(Event(**validated_data), documents)

    def update(self, event, validated_data):
        documents = validated_data.pop("documents", None)
        for field, value in validated_data.items():
            setattr(event, field, value)
        return self._save(event, documents)

    def _save(self, event, documents):
        try:
            return services.save_event(
                event=event, actor=self.context["request"].user, documents=documents
            )
        except DjangoValidationError as error:
            raise self.translated_validation_error(error) from error


class EventDetailSerializer(EventSerializer):
    agenda = SessionSerializer(source="sessions", many=True, read_only=True)
    document_details = AttachedDocumentSerializer(source="documents", many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "document_details", "agenda"]


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    member_state = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Registration
        fields = [
            "reference",
            "event",
            "name",
            "email",
            "organisation",
            "function",
            "category",
            "member_state",
            "status",
            "language",
            "created_at",
        ]
        read_only_fields = fields


class CheckInSerializer(RegistrationSerializer):
    """A registration after check-in: when, and by whom (email)."""

    checked_in_by = serializers.SlugRelatedField(slug_field="email", read_only=True)

    class Meta(RegistrationSerializer.Meta):
        fields = [*RegistrationSerializer.Meta.fields, "checked_in_at", "checked_in_by"]
        read_only_fields = fields
