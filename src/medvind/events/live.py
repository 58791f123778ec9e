"""What makes polling cheap: a per-event version kept in the cache, and fragments cached per version.

Every write service bumps `Event.version` in the database and, after commit, forgets the cached copy.
A poll that carries the current version gets 204 No Content; otherwise the fragment for that version
and language comes from the cache, rendered once. Each process also keeps the version for
LOCAL_VERSION_SECONDS in its own memory (a Redis round trip costs more than the rest of a 204), so a
poll may see a change up to half a second late. With a per-process cache only (local memory, no Redis)
a version can be VERSION_SECONDS old before it is read again from the database."""

import hashlib
import hmac
import secrets
import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse

from .models import Event, EventStatus, is_code

VERSION_SECONDS = 2
LOCAL_VERSION_SECONDS = 0.5  # in each process, in front of the shared cache
META_SECONDS = 30
FRAGMENT_SECONDS = 120
VOTER_COOKIE = "mv_audience"
VOTER_SALT = "medvind.events.voter"
VOTER_MAX_AGE = 60 * 60 * 24 * 60  # 60 days: one browser stays one voter through the postbox weeks


def _version_key(event_id: int) -> str:
    return f"events:v:{event_id}"


def _meta_key(code: str) -> str:
    return f"events:code:{code}"


# A small copy in each process's memory: asking Redis costs more than the rest of a poll.
_local: dict[str, tuple[float, Any]] = {}


def _local_get(key: str) -> Any:
    hit = _local.get(key)
    if hit is not None and hit[0] > time.monotonic():
        return hit[1]
    return None


def _local_set(key: str, value: Any, seconds: float) -> None:
    if len(_local) > 10_000:
        _local.clear()
    _local[key] = (time.monotonic() + seconds, value)


def current_version(event_id: int) -> int:
    key = _version_key(event_id)
    version = _local_get(key)
    if version is None:
        version = cache.get(key)
        if version is None:
            version = Event.objects.filter(pk=event_id).values_list("version", flat=True).first() or 0
            cache.set(key, version, VERSION_SECONDS)
        _local_set(key, version, LOCAL_VERSION_SECONDS)
    return int(version)


def bump(event: Event) -> None:
    """Call inside the write's transaction: polls see the change once it is committed."""
    Event.objects.filter(pk=event.pk).update(version=F("version") + 1)
    event_id, code = event.pk, event.code
    transaction.on_commit(lambda: forget(event_id, code))


def forget(event_id: int, code: str) -> None:
    keys = [_version_key(event_id), _meta_key(code)]
    cache.delete_many(keys)
    for key in keys:
        _local.pop(key, None)


def event_meta(code: str) -> dict[str, Any] | None:
    """{id, public}: `public` when anyone may follow the event without any check (a published event
    in a public space). None when no event has the code, and at once for what cannot be a code."""
    if not is_code(code):
        return None
    key = _meta_key(code)
    meta = _local_get(key)
    if meta is not None:
        return meta
    meta = cache.get(key)
    if meta is None:
        event = Event.objects.filter(code=code).select_related("space").first()
        if event is None:
            return None
        meta = {
            "id": event.pk,
            "public": event.status != EventStatus.DRAFT
            and event.space.visibility == event.space.Visibility.PUBLIC,
        }
        cache.set(key, meta, META_SECONDS)
    _local_set(key, meta, META_SECONDS)
    return meta


def fragment_key(name: str, event_id: int, version: int, language: str) -> str:
    return f"events:f:{name}:{event_id}:{version}:{language}"


def fragment_get(key: str) -> str | None:
    """A fragment never changes for its version, so the copy in this process's memory is always right."""
    html = _local_get(key)
    if html is None:
        html = cache.get(key)
        if html is not None:
            _local_set(key, html, FRAGMENT_SECONDS)
    return html


def fragment_set(key: str, html: str) -> None:
    cache.set(key, html, FRAGMENT_SECONDS)
    _local_set(key, html, FRAGMENT_SECONDS)


CSRF_PLACEHOLDER = "MVCSRFTOKENPLACEHOLDER"


def not_modified(version: int) -> HttpResponse:
    response = HttpResponse(status=204)
    response["X-Event-Version"] = str(version)
    response["Cache-Control"] = "no-store"
    return response


# The anonymous voter ----------------------------------------------------------------------------


def voter_token(request: HttpRequest) -> str | None:
    token = request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_SALT, max_age=VOTER_MAX_AGE)
    return token if isinstance(token, str) and 16 <= len(token) <= 64 else None


def ensure_voter(request: HttpRequest) -> tuple[str, bool]:
    """The browser's token, and whether it is new (then the response must set the cookie)."""
    token = voter_token(request)
    if token:
        return token, False
    return secrets.token_urlsafe(24), True


def set_voter_cookie(response: HttpResponse, token: str, request: HttpRequest) -> None:
    response.set_signed_cookie(
        VOTER_COOKIE,
        token,
        salt=VOTER_SALT,
        max_age=VOTER_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def voter_hash(token: str) -> str:
    """What is stored for a vote: a keyed hash that cannot be turned back into the cookie."""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{VOTER_SALT}:{token}".encode(), hashlib.sha256
    ).hexdigest()
