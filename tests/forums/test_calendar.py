"""iCalendar output, parsed back with icalendar."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from medvind.core.models import Space
from medvind.forums import services
from medvind.forums.models import MeetingState

from .factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_a_meeting_file_has_its_time_place_and_access(client, world):
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=3)
    meeting = MeetingFactory(
        space=world.public,
        title="Brukarråd <b>mars</b>",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        online_url="https://meet.example/abc",
        hearing_loop=True,
    )
    [event] = events(client.get(f"/en/spaces/{world.public.slug}/meetings/{meeting.pk}/meeting.ics"))
    assert str(event["summary"]) == "Brukarråd <b>mars</b>"
    assert event.decoded("dtstart") == start
    assert event.decoded("dtend") == start + dt.timedelta(hours=2)
    assert str(event["location"]) == meeting.place
    assert "Hearing loop" in str(event["description"])
    assert "https://meet.example/abc" in str(event["description"])
    assert str(event["status"]) == "CONFIRMED"


def test_the_forum_feed_lists_its_meetings_and_marks_cancelled_ones(client, world):
    MeetingFactory(space=world.public)
    MeetingFactory(space=world.public, state=MeetingState.CANCELLED)
    MeetingFactory()  # another forum
    found = events(client.get(f"/en/spaces/{world.public.slug}/meetings/calendar.ics"))
    assert sorted(str(e["status"]) for e in found) == ["CANCELLED", "CONFIRMED"]


def test_a_members_only_forum_feed_is_hidden_from_visitors(client, world):
    Space.objects.filter(pk=world.members_only.pk).update(kind="forum")
    MeetingFactory(space=world.members_only)
    assert client.get(f"/en/spaces/{world.members_only.slug}/meetings/calendar.ics").status_code == 404


def test_the_personal_feed_needs_the_secret_and_the_secret_can_be_reset(client, world):
    person = world["member"]
    mine = MeetingFactory(space=world.public, title="Mine")
    RegistrationFactory(meeting=mine, user=person)
    RegistrationFactory(meeting=MeetingFactory(space=world.public, title="Not mine"))
    token = services.preference_of(person).feed_token
    found = events(client.get(f"/en/meetings/feed/{token}.ics"))
    assert [str(e["summary"]) for e in found] == ["Mine"]
    services.feed_token_reset(actor=person)
    assert client.get(f"/en/meetings/feed/{token}.ics").status_code == 404
    assert client.get("/en/meetings/feed/guessed-token.ics").status_code == 404
