from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: Any) -> str:
        language = getattr(request.user, "language", "") or translation.get_language()
        with translation.override(language):
            return reverse("home")
