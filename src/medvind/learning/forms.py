from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from medvind.knowledge.forms import OwnerField
from medvind.knowledge.models import Audience

from .models import Path
from .services import REFLECTION_MAX


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        help_text=_("Only you can see your answer."),
        max_length=REFLECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PathForm(OwnerField):
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    description = forms.CharField(
        label=_("Description"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who the path is for and what they learn."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    hours = forms.IntegerField(
        label=_("Hours"),
        min_value=1,
        max_value=200,
        initial=1,
        help_text=_("About how long it takes in all."),
    )
    for_new_members = forms.BooleanField(
        label=_("Suggest it to new members"),
        required=False,
        help_text=_("New members of a forum or group see the path in their welcome."),
    )
    records_auditor_training = forms.BooleanField(
        label=_("It is training for user auditors"),
        required=False,
        help_text=_("Whoever completes it gets the training recorded in the auditor pool."),
    )

    def __init__(self, *args: Any, organisations: Any, shared: bool, path: Path | None = None, **kwargs: Any):
        if path is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                field: getattr(path, field) for field in self.base_fields if field != "organisation"
            }
        super().__init__(*args, **kwargs)
        self.owner_choices(organisations, shared, changing=path is not None)


class StepQuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Question to think about"),
        max_length=400,
        required=False,
        help_text=_("Optional. Each person answers it privately."),
    )


class ItemSearchForm(forms.Form):
    q = forms.CharField(label=_("Find an item in the knowledge bank"), max_length=200, required=False)


class StepAddForm(forms.Form):
    item = forms.IntegerField(min_value=1)


class LanguageFilterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *settings.LANGUAGES], required=False
    )
