import factory

from principles.models import Principle, PrincipleSet, Topic
from tests.factories import DialogueFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class PrincipleSetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrincipleSet

    dialogue = factory.SubFactory(DialogueFactory, year=2008)
    title = factory.Sequence(lambda n: f"Principles {n}")


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    principle_set = factory.SubFactory(PrincipleSetFactory)
    label = factory.Sequence(lambda n: f"x{n}")
    order = factory.Sequence(lambda n: n)
    headline = factory.Sequence(lambda n: f"Principle headline {n}.")
    body = "The body of the principle."
