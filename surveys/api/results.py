"""Survey results in the API: one serializer per shape of results (a question type names its
shape: `result_shape`), so that the schema describes each kind's figures (a union
discriminated by `kind`) and the served data is built by the very serializers the schema is
made from."""

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from idm.models import Region
from surveys.questions import all_types


class OptionResultSerializer(serializers.Serializer):
    option = serializers.IntegerField(source="option.pk")
    text = serializers.CharField(source="option.text")
    count = serializers.IntegerField()
    percent = serializers.FloatField(help_text="Share of the respondents who answered, in %.")


class RankingOptionResultSerializer(OptionResultSerializer):
    borda = serializers.IntegerField(help_text="Borda score: N - rank points per ranking.")
    mean_rank = serializers.FloatField(allow_null=True, help_text="Null when never ranked.")
    first = serializers.IntegerField(source="first_count", help_text="Times ranked first.")
    top_k = serializers.IntegerField(source="top_k_count", help_text="Times in the top k.")
    top_k_percent = serializers.FloatField()


class NumberCountSerializer(serializers.Serializer):
    value = serializers.SerializerMethodField(help_text="A Likert point (1-5) or a number.")
    count = serializers.IntegerField()

    def get_value(self, row) -> str:
        return str(row[0])

    def to_representation(self, row):
        return {"value": self.get_value(row), "count": row[1]}


class YesNoCountSerializer(serializers.Serializer):
    value = serializers.BooleanField()
    count = serializers.IntegerField()

    def to_representation(self, row):
        return {"value": row[0], "count": row[1]}


class TextAnswerSerializer(serializers.Serializer):
    member_state = serializers.CharField(
        required=False, help_text="The answering state's name (IOM staff only)."
    )
    text = serializers.CharField()

    def to_representation(self, row):
        source, text = row
        return {"member_state": source, "text": text} if source else {"text": text}


def kind_field(shape):
    """The question kinds whose results have this shape."""
    return serializers.ChoiceField(
        choices=[(type_.kind, type_.label) for type_ in all_types() if type_.result_shape == shape]
    )


class QuestionResultSerializer(serializers.Serializer):
    question = serializers.IntegerField(source="question.pk")
    number = serializers.IntegerField(help_text="The question's number in the questionnaire.")
    answered = serializers.IntegerField(help_text="Responses that answer the question.")


class ChoiceQuestionResultSerializer(QuestionResultSerializer):
    kind = kind_field("choice")
    options = OptionResultSerializer(many=True)


class RankingQuestionResultSerializer(QuestionResultSerializer):
    kind = kind_field("ranking")
    options = RankingOptionResultSerializer(many=True, help_text="Best Borda score first.")


class NumericQuestionResultSerializer(QuestionResultSerializer):
    kind = kind_field("numeric")
    distribution = NumberCountSerializer(many=True)
    mean = serializers.FloatField(allow_null=True)
    median = serializers.FloatField(allow_null=True)
    minimum = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    maximum = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)


class YesNoQuestionResultSerializer(QuestionResultSerializer):
    kind = kind_field("yes_no")
    distribution = YesNoCountSerializer(many=True)


class TextQuestionResultSerializer(QuestionResultSerializer):
    kind = kind_field("text")
    texts = TextAnswerSerializer(many=True)


SERIALIZERS_BY_SHAPE = {
    "choice": ChoiceQuestionResultSerializer,
    "ranking": RankingQuestionResultSerializer,
    "numeric": NumericQuestionResultSerializer,
    "yes_no": YesNoQuestionResultSerializer,
    "text": TextQuestionResultSerializer,
}
RESULT_SERIALIZERS = {type_.kind: SERIALIZERS_BY_SHAPE[type_.result_shape] for type_ in all_types()}


QUESTION_RESULT_UNION = PolymorphicProxySerializer(
    component_name="QuestionResult",
    serializers=RESULT_SERIALIZERS,
    resource_type_field_name="kind",
)


@extend_schema_field(QUESTION_RESULT_UNION)
class AnyQuestionResultField(serializers.Field):
    """One question's result, by the serializer of its kind."""

    def to_representation(self, result):
        return RESULT_SERIALIZERS[result.kind](result).data


class SurveyResultsSerializer(serializers.Serializer):
    survey = serializers.IntegerField(source="survey.pk")
    region = serializers.ChoiceField(
        choices=Region.choices, allow_blank=True, help_text="Empty: every region."
    )
    respondents = serializers.IntegerField(help_text="Submitted responses counted.")
    questions = serializers.ListField(
        child=AnyQuestionResultField(), help_text="In questionnaire order."
    )
