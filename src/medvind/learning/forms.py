from django import forms
from django.utils.translation import gettext_lazy as _

from .services import REFLECTION_MAX


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        help_text=_("Only you can see your answer."),
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
