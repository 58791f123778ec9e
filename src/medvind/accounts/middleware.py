import time
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from medvind.core.models import OrganisationMembership

from .selectors import has_totp

CHECKED_KEY = "mfa_policy_checked_at"
RECHECK_SECONDS = 300
ALLOWED_URL_NAMES = ("account_logout", "set_language")


def staff_mfa_required(user) -> bool:
    return OrganisationMembership.objects.filter(
        user=user,
        role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF],
        organisation__require_staff_mfa=True,
    ).exists()


class RequireStaffMfaMiddleware:
    """Staff and admins of an organisation that requires two-factor sign-in must set it up first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and request.session.get(CHECKED_KEY, 0) < time.time() - RECHECK_SECONDS:
            if staff_mfa_required(user) and not has_totp(user):
                allowed = [reverse(name) for name in ALLOWED_URL_NAMES]
                prefixes = (reverse("mfa_index"), "/static/", "/healthz")
                if request.path not in allowed and not request.path.startswith(prefixes):
                    messages.warning(
                        request,
                        _(
                            "Your organisation asks staff to use two-factor sign-in. Please set it up to go on."
                        ),
                    )
                    return redirect("mfa_activate_totp")
            else:
                request.session[CHECKED_KEY] = time.time()
        return self.get_response(request)
