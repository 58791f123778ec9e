import json
from typing import cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import services
from .forms import DeleteAccountForm, DisplayPreferencesForm, ProfileForm
from .models import User
from .selectors import PREFERENCE_FIELDS, SESSION_KEY, account_export, display_preferences


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    initial = {field: getattr(user, field) for field in services.PROFILE_FIELDS}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.profile_update(actor=user, user=user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        with translation.override(user.language):
            return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form}, status=400 if form.errors else 200)


def display_settings(request: HttpRequest) -> HttpResponse:
    """Easy-read, larger text and high contrast: for everyone, saved in the profile when signed in."""
    form = DisplayPreferencesForm(request.POST or None, initial=display_preferences(request))
    if request.method == "POST" and form.is_valid():
        if request.user.is_authenticated:
            services.profile_update(actor=request.user, user=request.user, **form.cleaned_data)
        else:
            request.session[SESSION_KEY] = {field: form.cleaned_data[field] for field in PREFERENCE_FIELDS}
        messages.success(request, _("Your display settings are saved."))
        next_url = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            return HttpResponseRedirect(next_url)
        return redirect("accounts:display")
    return render(request, "accounts/display.html", {"form": form, "next": request.GET.get("next", "")})


@login_required
def privacy(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.account_erase(actor=user, user=user)
        logout(request)
        messages.success(request, _("Your account is deleted. What you wrote stays, without your name."))
        return redirect("home")
    return render(request, "accounts/privacy.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = account_export(cast(User, request.user))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="medvind-my-data-{stamp}.json"'
    return response


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language, limited to our languages; the choice is remembered in the profile of a
    signed-in person."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "")
    if language not in dict(settings.LANGUAGES):
        safe = url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return HttpResponseRedirect(next_url if safe else "/")
    # Django resolves `next` in the active language before translating it; use the address's own.
    next_language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(next_language or translation.get_language()):
        response = django_set_language(request)
    if request.user.is_authenticated:
        services.profile_update(actor=request.user, user=request.user, language=language)
    return response
