import re

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .models import Organisation, Space

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
ORG_PATH = re.compile(r"^/organisations/(?P<slug>[-\w]+)/")
SPACE_PATH = re.compile(r"^/spaces/(?P<slug>[-\w]+)/")


def organisation_language(path: str) -> str | None:
    """The language an organisation has chosen, for an address without a language prefix."""
    if match := ORG_PATH.match(path):
        return Organisation.objects.filter(slug=match["slug"]).values_list("language", flat=True).first()
    if match := SPACE_PATH.match(path):
        return Space.objects.filter(slug=match["slug"]).values_list("language", flat=True).first()
    return None


class PreferredLanguageMiddleware(LocaleMiddleware):
    """Language order: the prefix in the address, then the person's own choice (profile or cookie),
    then the organisation's language, then the browser's, then the installation's default."""

    def process_request(self, request: HttpRequest) -> None:
        if translation.get_language_from_path(request.path_info):
            return super().process_request(request)
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in LANGUAGE_CODES:
            language = user.language
        if not language:
            cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = cookie if cookie in LANGUAGE_CODES else None
        if not language:
            language = organisation_language(request.path_info)
        if not language:
            language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None
