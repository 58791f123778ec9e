"""Reminders the day before, in the recipient's language, never twice; and the unsubscribe link."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from medvind.forums.models import ForumPreference, MeetingState, Registration, space_time_zone
from medvind.forums.tasks import send_meeting_reminders

from .factories import MeetingFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def tomorrow_at(space, hour: int) -> dt.datetime:
    tz = space_time_zone(space)
    day = timezone.localtime(timezone.now(), tz).date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour, 0), tzinfo=tz)


def test_people_registered_for_tomorrow_get_one_reminder(world):
    start = tomorrow_at(world.public, 13)
    meeting = MeetingFactory(space=world.public, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    registered = RegistrationFactory(meeting=meeting, user=world["member"])
    RegistrationFactory(meeting=meeting, user=world["representative"], status=Registration.Status.WAITING)
    RegistrationFactory(meeting=meeting, user=world["responder"], status=Registration.Status.CANCELLED)
    later = tomorrow_at(world.public, 13) + dt.timedelta(days=2)
    RegistrationFactory(
        meeting=MeetingFactory(space=world.public, starts_at=later, ends_at=later + dt.timedelta(hours=1)),
        user=world["member"],
    )
    call_command("send_meeting_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to[0] for m in mail.outbox] == [world["member"].email]
    assert "tomorrow" in mail.outbox[0].subject
    registered.refresh_from_db()
    assert registered.reminder_sent_at is not None
    send_meeting_reminders.enqueue()
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_cancelled_meeting(world):
    start = tomorrow_at(world.public, 10)
    meeting = MeetingFactory(
        space=world.public,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        state=MeetingState.CANCELLED,
    )
    RegistrationFactory(meeting=meeting, user=world["member"])
    send_meeting_reminders.enqueue()
    assert mail.outbox == []


def test_the_reminder_is_in_the_recipients_language_and_its_link_stops_meeting_emails(client, world):
    person = world["member"]
    person.language = "nb"
    person.save()
    start = tomorrow_at(world.public, 18)
    meeting = MeetingFactory(space=world.public, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    RegistrationFactory(meeting=meeting, user=person)
    send_meeting_reminders.enqueue()
    [message] = mail.outbox
    assert f"/nb/spaces/{world.public.slug}/meetings/{meeting.pk}/" in message.body
    link = re.search(r"http://\S+/nb/meetings/unsubscribe/\S+/", message.body)[0]
    path = link.split("127.0.0.1:8000", 1)[1] if "127.0.0.1:8000" in link else link
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200
    assert ForumPreference.objects.get(user=person).meeting_emails is False
    assert client.get("/en/meetings/unsubscribe/forged/").status_code == 404


def test_people_who_turned_meeting_emails_off_get_none(world):
    ForumPreference.objects.create(user=world["member"], meeting_emails=False)
    start = tomorrow_at(world.public, 9)
    meeting = MeetingFactory(space=world.public, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    RegistrationFactory(meeting=meeting, user=world["member"])
    send_meeting_reminders.enqueue()
    assert mail.outbox == []
