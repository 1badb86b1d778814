from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from surveys import values as answer_values
from surveys.models import Option, Question, Response, Section, Survey


def localized_text(help_text):
    return serializers.CharField(read_only=True, help_text=help_text)


IN_LANGUAGE = "In the request's language (Accept-Language), falling back to English."


class OptionSerializer(serializers.ModelSerializer):
    text = localized_text(IN_LANGUAGE)

    class Meta:
        model = Option
        fields = ["id", "position", "text", "text_en", "text_fr", "text_es", "exclusive"]
        read_only_fields = fields
        extra_kwargs = {
            "exclusive": {
                "help_text": "Multiple choice: the option is chosen alone (e.g. “None”); an "
                "answer with it and another option is refused (400)."
            }
        }


class QuestionSerializer(serializers.ModelSerializer):
    options = OptionSerializer(many=True, read_only=True)
    text = localized_text(IN_LANGUAGE)
    help = localized_text(IN_LANGUAGE)
    low_label = localized_text("Likert: label of 1. " + IN_LANGUAGE)
    high_label = localized_text("Likert: label of 5. " + IN_LANGUAGE)
    condition_options = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Question
        fields = [
            "id",
            "position",
            "kind",
            "required",
            "text",
            "text_en",
            "text_fr",
            "text_es",
            "help",
            "low_label",
            "high_label",
            "min_choices",
            "max_choices",
            "top_k",
            "min_value",
            "max_value",
            "condition_question",
            "condition_options",
            "condition_yes",
            "options",
        ]


class SectionSerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)
    title = localized_text(IN_LANGUAGE)

    class Meta:
        model = Section
        fields = ["id", "position", "title", "title_en", "title_fr", "title_es", "questions"]


class SurveySerializer(serializers.ModelSerializer):
    sections = SectionSerializer(many=True, read_only=True)
    title = localized_text(IN_LANGUAGE)
    intro = localized_text(IN_LANGUAGE)
    dialogue_year = serializers.IntegerField(source="dialogue.year", read_only=True, default=None)

    class Meta:
        model = Survey
        fields = [
            "id",
            "title",
            "title_en",
            "title_fr",
            "title_es",
            "intro",
            "kind",
            "audience",
            "status",
            "opens_at",
            "closes_at",
            "results_public",
            "dialogue_year",
            "sections",
        ]


class SurveyResponseSerializer(serializers.ModelSerializer):
    """A response with its answers as {question id: value}; see the answer shapes below."""

    member_state = serializers.SlugRelatedField(slug_field="code", read_only=True)
    updated_by = serializers.SlugRelatedField(slug_field="email", read_only=True)
    submitted_by = serializers.SlugRelatedField(slug_field="email", read_only=True)
    answers = serializers.SerializerMethodField()

    class Meta:
        model = Response
        fields = [
            "id",
            "survey",
            "member_state",
            "status",
            "version",
            "created_at",
            "updated_at",
            "updated_by",
            "submitted_at",
            "submitted_by",
            "reopen_reason",
            "answers",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_answers(self, response):
        result = {}
        for answer in response.answers.all():
            value = answer_values.stored_value(answer.question, answer)
            if not answer_values.is_empty(value):
                result[str(answer.question_id)] = answer_values.to_json(answer.question, value)
        return result


ANSWERS_HELP = (
    "{question id: value}. Single choice: option id; multiple choice: list of option ids; "
    "ranking: {option id: rank} or option ids in rank order; Likert: 1-5; number; yes/no: "
    "true/false; text: string; null or empty clears the answer."
)


class SurveyResponseWriteSerializer(serializers.Serializer):
    patch_is_partial = False  # PATCH sends `answers` (each one optional): see idm.api.schema

    answers = serializers.DictField(
        child=serializers.JSONField(allow_null=True), help_text=ANSWERS_HELP
    )

    def validate_answers(self, answers):
        cleaned = {}
        for key, value in answers.items():
            try:
                cleaned[int(key)] = value
            except (TypeError, ValueError):
                raise serializers.ValidationError({key: ["Use question ids as keys."]}) from None
        return cleaned


class SurveyResponseCreateSerializer(SurveyResponseWriteSerializer):
    survey = serializers.PrimaryKeyRelatedField(queryset=Survey.objects.published())
    answers = serializers.DictField(
        child=serializers.JSONField(allow_null=True), required=False, help_text=ANSWERS_HELP
    )


class ReopenSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)
