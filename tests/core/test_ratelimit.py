"""Rate limits: keyed by a hash of the client's address, which behind trusted proxies comes from
X-Forwarded-For, and never from what a client writes there itself."""

import pytest
from django.test import RequestFactory

from medvind.core import ratelimit

ADDRESSES = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7, 203.0.113.9"}


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, ADDRESSES, "10.0.0.2"),  # no proxy: the header is whatever the client wrote
        (1, ADDRESSES, "203.0.113.9"),  # one proxy appended what it saw; 198.51.100.7 is the client's claim
        (2, ADDRESSES, "198.51.100.7"),
        (3, ADDRESSES, "10.0.0.2"),  # fewer entries than proxies: not through them, use the connection
        (1, {"REMOTE_ADDR": "10.0.0.2"}, "10.0.0.2"),
        (1, {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": ""}, "10.0.0.2"),
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies_only(settings, proxies, meta, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **meta)
    assert ratelimit.client_address(request) == expected


def test_behind_a_proxy_visitors_have_their_own_limits(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    factory = RequestFactory()

    def visitor(address: str):
        return factory.post("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)

    assert [ratelimit.hit(visitor("203.0.113.9"), "test", limit=2, window_seconds=60) for _ in range(3)] == [
        True,
        True,
        False,
    ]
    assert ratelimit.hit(visitor("198.51.100.4"), "test", limit=2, window_seconds=60)
