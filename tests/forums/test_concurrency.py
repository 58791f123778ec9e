"""Many people register for the last places at the same moment, on PostgreSQL: the meeting row is locked,
so nobody is overbooked and everyone else is on the waiting list in order. SQLite takes one writer at a time."""

import pytest
from django.db import connection

from medvind.forums import services
from medvind.forums.models import Meeting, Registration
from tests.factories import SpaceFactory, UserFactory
from tests.proposals.test_concurrency import at_once

from .factories import MeetingFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

PEOPLE, PLACES = 30, 7


def register(meeting_id: int, person):
    return lambda: (
        services.registration_create(meeting=Meeting.objects.get(pk=meeting_id), actor=person).status
    )


def cancel(meeting_id: int, person):
    return lambda: (
        services.registration_cancel(meeting=Meeting.objects.get(pk=meeting_id), actor=person).status
    )


def test_concurrent_registrations_never_overbook():
    meeting = MeetingFactory(space=SpaceFactory(), capacity=PLACES)
    people = UserFactory.create_batch(PEOPLE)
    results = at_once([register(meeting.pk, person) for person in people])
    assert results.count("registered") == PLACES
    assert results.count("waiting") == PEOPLE - PLACES
    assert Registration.objects.filter(meeting=meeting, status="registered").count() == PLACES


def test_concurrent_cancellations_move_exactly_as_many_people_up():
    meeting = MeetingFactory(space=SpaceFactory(), capacity=PLACES)
    people = UserFactory.create_batch(PLACES + 10)
    for person in people:
        services.registration_create(meeting=meeting, actor=person)
    leaving = people[:4]
    newcomers = UserFactory.create_batch(4)
    at_once([cancel(meeting.pk, p) for p in leaving] + [register(meeting.pk, p) for p in newcomers])
    assert Registration.objects.filter(meeting=meeting, status="registered").count() == PLACES
    promoted = Registration.objects.filter(meeting=meeting, status="registered", user__in=people[PLACES:])
    assert sorted(r.user_id for r in promoted) == sorted(p.pk for p in people[PLACES : PLACES + 4])
