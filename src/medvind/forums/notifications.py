"""Emails about meetings, in the recipient's language, with a signed link to stop them.

Called inside a service's transaction: emails are queued after commit. The in-app notification list
(`proposals.Notification`) belongs to a proposal, so meeting news goes by email only."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Meeting

UNSUBSCRIBE_SALT = "medvind.forums.unsubscribe"
PROMOTED = "promoted"
CANCELLED = "cancelled"
REMINDER = "reminder"


def unsubscribe_token(user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict[str, Any]:
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)


def notify(meeting: Meeting, user_ids: Iterable[int], *, event: str, exclude: Any = None) -> None:
    ids = [pk for pk in user_ids if exclude is None or pk != exclude.pk]
    if not ids:
        return
    from .tasks import send_meeting_emails

    transaction.on_commit(
        lambda: send_meeting_emails.enqueue(meeting_id=meeting.pk, event=event, user_ids=ids)
    )


def subject(event: str, meeting: Meeting) -> str:
    subjects = {
        PROMOTED: _("You have a place at “%(title)s”"),
        CANCELLED: _("“%(title)s” is cancelled"),
        REMINDER: _("Reminder: “%(title)s” is tomorrow"),
    }
    return subjects[event] % {"title": meeting.title}


def absolute(path_name: str, language: str, **kwargs: Any) -> str:
    with translation.override(language):
        return settings.MEDVIND_BASE_URL + reverse(path_name, kwargs=kwargs)
