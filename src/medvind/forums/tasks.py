"""Background work for forums, run through django.tasks."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import ForumPreference, Meeting, MeetingState, Registration, space_time_zone
from .notifications import REMINDER, absolute, subject, unsubscribe_token


def _wants_email(user_ids: list[int]):
    opted_out = ForumPreference.objects.filter(meeting_emails=False).values("user_id")
    return (
        get_user_model()
        .objects.filter(pk__in=user_ids, email_notifications=True, is_active=True, deleted_at__isnull=True)
        .exclude(pk__in=opted_out)
    )


def _send(*, user, meeting: Meeting, event: str) -> None:
    language = user.language or meeting.space.language
    unsubscribe = absolute("forums:unsubscribe", language, token=unsubscribe_token(user.pk))
    tz = space_time_zone(meeting.space)
    with translation.override(language), timezone.override(tz):
        body = render_to_string(
            "forums/email/meeting.txt",
            {
                "meeting": meeting,
                "event": event,
                "url": absolute("forums:meeting", language, slug=meeting.space.slug, pk=meeting.pk),
                "unsubscribe_url": unsubscribe,
            },
        )
        title = subject(event, meeting)
    EmailMessage(
        subject=title,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


@task()
def send_meeting_emails(*, meeting_id: int, event: str, user_ids: list[int]) -> int:
    meeting = Meeting.objects.select_related("space").get(pk=meeting_id)
    sent = 0
    for user in _wants_email(user_ids):
        _send(user=user, meeting=meeting, event=event)
        sent += 1
    return sent


@task()
def send_meeting_reminders() -> int:
    """Daily: everyone registered for a meeting that starts tomorrow (in the forum's time zone) gets one
    reminder. A registration is marked before its email is sent, so it is never reminded twice."""
    now = timezone.now()
    meetings = Meeting.objects.filter(
        state=MeetingState.PLANNED, starts_at__gt=now, starts_at__lt=now + dt.timedelta(days=2)
    ).select_related("space")
    sent = 0
    for meeting in meetings:
        tz = space_time_zone(meeting.space)
        if timezone.localtime(meeting.starts_at, tz).date() != timezone.localtime(
            now, tz
        ).date() + dt.timedelta(days=1):
            continue
        due = Registration.objects.filter(
            meeting=meeting, status=Registration.Status.REGISTERED, reminder_sent_at__isnull=True
        )
        user_ids = list(due.values_list("user_id", flat=True))
        for user in _wants_email(user_ids):
            claimed = Registration.objects.filter(
                Q(reminder_sent_at__isnull=True), meeting=meeting, user=user
            ).update(reminder_sent_at=timezone.now())
            if claimed:
                _send(user=user, meeting=meeting, event=REMINDER)
                sent += 1
    return sent
