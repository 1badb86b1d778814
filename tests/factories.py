"""Factories for the programme core; each app's tests add their own next to them."""

import factory
from django.contrib.auth import get_user_model

from idm.models import Dialogue, Document, MemberState

User = get_user_model()

DEFAULT_PASSWORD = "correct horse battery staple"


class MemberStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberState
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    iso3 = factory.LazyAttribute(lambda state: f"{state.code}X")
    name = factory.Sequence(lambda n: f"State {n}")
    region = "africa"
    sub_region = "Western Africa"
    membership = MemberState.Membership.MEMBER


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Person{n}")

    @classmethod
    def _create(cls, model_class, *args, password=DEFAULT_PASSWORD, **kwargs):
        return model_class.objects.create_user(*args, password=password, **kwargs)


class StaffFactory(UserFactory):
    is_staff = True


class DelegateFactory(UserFactory):
    member_state = factory.SubFactory(MemberStateFactory)
    delegation_role = User.DelegationRole.CONTRIBUTOR


class FocalPointFactory(DelegateFactory):
    delegation_role = User.DelegationRole.FOCAL_POINT


class DialogueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dialogue
        django_get_or_create = ["year"]

    year = factory.Sequence(lambda n: 2001 + n % 99)
    theme = factory.Sequence(lambda n: f"Theme {n}")
    summary = "A year of dialogue."


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    symbol = factory.Sequence(lambda n: f"IC/2009/{n}")
    title = factory.Sequence(lambda n: f"Document {n}")
    kind = Document.Kind.BACKGROUND_PAPER
    language = "en"
    dialogue = factory.SubFactory(DialogueFactory)
    url = "https://www.iom.int/idm"
