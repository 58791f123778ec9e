"""Read configuration from the environment (ARCHITECTURE.md, convention 8)."""

import os
from urllib.parse import parse_qs, unquote, urlparse


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def email_config(url: str) -> dict[str, object]:
    """Turn EMAIL_URL (smtp://user:pass@host:587?tls=1, console://, locmem://) into the MAILERS setting."""
    parsed = urlparse(url)
    if parsed.scheme not in EMAIL_BACKENDS:
        raise ValueError(f"EMAIL_URL has an unknown scheme: {parsed.scheme!r}")
    query = parse_qs(parsed.query)
    mailer: dict[str, object] = {"BACKEND": EMAIL_BACKENDS[parsed.scheme]}
    if parsed.scheme.startswith("smtp"):
        mailer["OPTIONS"] = {
            "host": parsed.hostname or "localhost",
            "port": parsed.port or (465 if parsed.scheme == "smtps" else 25),
            "username": unquote(parsed.username or ""),
            "password": unquote(parsed.password or ""),
            "use_ssl": parsed.scheme == "smtps",
            "use_tls": query.get("tls", ["0"])[0] in {"1", "true"},
        }
    return {"default": mailer}
