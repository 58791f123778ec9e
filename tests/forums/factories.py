"""Factories for forums: plain model rows, no services, no audit log."""

import datetime as dt

import factory
from django.utils import timezone

from medvind.forums.models import ActionItem, AgendaItem, Decision, Meeting, Registration
from tests.factories import SpaceFactory, UserFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Meeting {n} of the joint development group")
    theme = "Follow-up of the SWOT"
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    place = "Stadshuset, room 3"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    space = factory.LazyAttribute(lambda o: o.meeting.space)
    title = factory.Sequence(lambda n: f"Theme {n}")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Decision {n}")


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    space = factory.LazyAttribute(lambda o: o.meeting.space)
    title = factory.Sequence(lambda n: f"Action {n}")
    deadline = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
