"""Question types answered in words: short text (one line) and long text."""

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from idm.validators import prohibit_null_characters
from surveys.questions.base import QuestionType, register


class TextType(QuestionType):
    """Value: a string (stripped), or "". Results list the texts (with the state's name for
    IOM staff)."""

    storage = "text"
    max_length = None
    result_shape = "text"
    results_template = "surveys/questions/results/text.html"

    def empty_value(self, question):
        return ""

    def check(self, question, value):
        prohibit_null_characters(value)
        if len(value) > self.max_length:
            raise ValidationError(
                ngettext(
                    "Use at most %(limit)d character.",
                    "Use at most %(limit)d characters.",
                    self.max_length,
                )
                % {"limit": self.max_length}
            )
        return value

    def aggregate(self, result, figures):
        result.texts = figures.texts.get(result.question.pk, [])


@register
class ShortText(TextType):
    kind = "short_text"
    max_length = 300

    def input_attrs(self, question):
        return {"maxlength": self.max_length}


@register
class LongText(TextType):
    kind = "long_text"
    max_length = 10_000
