"""iCalendar files, made with the `icalendar` library: one per meeting, a feed per forum, a personal feed."""

from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import translation

from .models import Meeting, MeetingState


def _event(meeting: Meeting, language: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@medvind")
    event.add("dtstamp", meeting.created_at)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", meeting.title)
    lines = [meeting.theme, meeting.description]
    if meeting.online_url:
        lines.append(meeting.online_url)
    access = meeting.access_labels
    if access:
        lines.append(", ".join(access))
    if meeting.access_notes:
        lines.append(meeting.access_notes)
    event.add("description", "\n\n".join(line for line in lines if line))
    location = meeting.place or meeting.online_url
    if location:
        event.add("location", location)
    with translation.override(language):
        event.add("url", settings.MEDVIND_BASE_URL + meeting.get_absolute_url())
    event.add("status", "CANCELLED" if meeting.state == MeetingState.CANCELLED else "CONFIRMED")
    return event


def calendar(meetings: Iterable[Meeting], *, name: str, language: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Medvind//Forums//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for meeting in meetings:
        cal.add_component(_event(meeting, language))
    return cal.to_ical()


def response(content: bytes, filename: str) -> HttpResponse:
    result = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    result["Content-Disposition"] = f'attachment; filename="{filename}"'
    return result
