"""Rate limits that store no address: the key is a keyed hash of the client address, kept only in the
cache for the length of the window."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address the request came from. Behind TRUSTED_PROXY_COUNT reverse proxies, each of which
    appends the address it saw to X-Forwarded-For, it is the one the outermost proxy saw; anything a
    client wrote there itself stands further left and is ignored."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= proxies and forwarded[-proxies]:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _client_key(request: HttpRequest, scope: str) -> str:
    address = client_address(request)
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
