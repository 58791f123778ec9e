from .base import *  # noqa: F403

DEBUG = False
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ACCOUNT_RATE_LIMITS = False  # type: ignore[assignment]
ALLOWED_HOSTS = ["*"]
# WhiteNoise would otherwise scan every collected static file for each test client it is built for.
WHITENOISE_AUTOREFRESH = True
