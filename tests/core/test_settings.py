"""EMAIL_URL becomes Django's MAILERS setting, and a real SMTP backend is built from it."""

import pytest
from django.core import mail
from django.test import override_settings

from medvind.settings.env import email_config


def test_an_smtp_address_gives_host_port_login_and_tls():
    mailers = email_config("smtp://brukarrost%40example.org:hemligt%21@mail.example:587?tls=1")
    assert mailers == {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "mail.example",
                "port": 587,
                "username": "brukarrost@example.org",
                "password": "hemligt!",
                "use_ssl": False,
                "use_tls": True,
            },
        }
    }
    with override_settings(MAILERS=mailers):
        backend = mail.mailers["default"]
        assert (backend.host, backend.port, backend.username, backend.use_tls) == (
            "mail.example",
            587,
            "brukarrost@example.org",
            True,
        )


def test_smtps_uses_ssl_on_port_465_and_console_needs_no_options():
    assert email_config("smtps://mail.example")["default"]["OPTIONS"]["port"] == 465  # type: ignore[index]
    assert email_config("console://") == {
        "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    }


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="unknown scheme"):
        email_config("carrier-pigeon://loft")
