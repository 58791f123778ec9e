"""Rate limits that store no address: the key is a keyed hash of the client address, kept only in the
cache for the length of the window."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _client_key(request: HttpRequest, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"rl:{scope}:{digest[:32]}"


def hit(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt. False when the limit for the window is already used up."""
    key = _client_key(request, scope)
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
    return count <= limit
