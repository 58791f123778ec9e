from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import User

DISPLAY_NAME_HELP = _("This is the name others see. You do not have to use your real name.")


class SignupForm(AllauthSignupForm):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        required=True,
        help_text=DISPLAY_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    def custom_signup(self, request: Any, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"].strip()
        user.language = translation.get_language() or ""
        user.save(update_fields=["display_name", "language"])


class DisplayPreferencesForm(forms.Form):
    easy_read = forms.BooleanField(
        label=_("Easy-read mode"),
        required=False,
        help_text=_("Short sentences, bigger spacing and simpler pages."),
    )
    large_text = forms.BooleanField(label=_("Larger text"), required=False)
    high_contrast = forms.BooleanField(label=_("High contrast"), required=False)


class ProfileForm(DisplayPreferencesForm):
    display_name = forms.CharField(label=_("Display name"), max_length=60, help_text=DISPLAY_NAME_HELP)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    field_order = ["display_name", "language", "easy_read", "large_text", "high_contrast"]

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Write a display name."))
        return name


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and personal data will be deleted, and that this cannot be undone."
        ),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password
