from typing import Any

from django.http import HttpRequest

from .selectors import unread_count


def notifications(request: HttpRequest) -> dict[str, Any]:
    return {"unread_notifications": unread_count(request.user)}
