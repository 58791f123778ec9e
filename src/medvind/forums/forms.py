from typing import Any, cast

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.accounts.models import User
from medvind.proposals.models import Proposal, Status

from .models import ACCESS_FEATURES, ActionItem, AgendaItem, Meeting

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _datetime_field(label: Any, help_text: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        help_text=help_text,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
    )


class MeetingForm(forms.Form):
    """Times are read and shown in the forum's time zone: the view activates it around the form."""

    title = forms.CharField(label=_("Title"), max_length=150)
    theme = forms.CharField(
        label=_("Theme"), max_length=200, required=False, help_text=_("What the meeting is mainly about.")
    )
    description = forms.CharField(
        label=_("Description"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts_at = _datetime_field(_("Starts"), _("Date and time, for example 2026-03-12 13:00."))
    ends_at = _datetime_field(_("Ends"), _("Must be after the start."))
    place = forms.CharField(
        label=_("Place"),
        max_length=300,
        required=False,
        help_text=_("Address and room. Leave empty if online only."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("A link that starts with https://. Leave empty if the meeting is only on site."),
        assume_scheme="https",
    )
    capacity = forms.IntegerField(
        label=_("Number of places"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Leave empty for no limit. When the places are taken, people go on a waiting list."),
    )
    access = forms.MultipleChoiceField(
        label=_("Accessibility"),
        choices=ACCESS_FEATURES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    access_notes = forms.CharField(
        label=_("More about accessibility"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the entrance to use, parking, or who to call for help."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts. Check the end time."))
        if (
            not data.get("place", "").strip()
            and not data.get("online_url")
            and "online_url" not in self.errors
        ):
            self.add_error("place", _("Give a place, an online link or both."))
        return data

    def service_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        access = set(data.pop("access", []))
        for field, _label in ACCESS_FEATURES:
            data[field] = field in access
        return data

    @classmethod
    def initial_from(cls, meeting: Meeting) -> dict[str, Any]:
        initial = {field: getattr(meeting, field) for field in cls.base_fields if field != "access"}
        initial["starts_at"] = timezone.localtime(meeting.starts_at)
        initial["ends_at"] = timezone.localtime(meeting.ends_at)
        initial["access"] = [field for field, _label in ACCESS_FEATURES if getattr(meeting, field)]
        return initial


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to everyone registered"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RegistrationForm(forms.Form):
    interpreter = forms.CharField(
        label=_("I need an interpreter for this language"),
        max_length=100,
        required=False,
        help_text=_("For example sign language, Arabic or Somali."),
    )
    assistance = forms.BooleanField(label=_("I need assistance at the meeting"), required=False)
    diet = forms.CharField(label=_("Food and allergies"), max_length=200, required=False)
    needs_text = forms.CharField(
        label=_("Anything else we should know"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the facilitators see what you write here."),
    )


class AgendaProposeForm(forms.Form):
    title = forms.CharField(label=_("Theme you want to talk about"), max_length=150)
    description = forms.CharField(
        label=_("Why it matters"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_agenda-%s")
        super().__init__(*args, **kwargs)


class MinutesForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the meeting"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"notes_{item.pk}"] = forms.CharField(
                label=_("Notes on “%(title)s”") % {"title": item.title},
                max_length=10000,
                required=False,
                initial=item.notes,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def notes(self) -> dict[int, str]:
        return {
            int(name.removeprefix("notes_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("notes_")
        }


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False
    )
    proposal = forms.ModelChoiceField(
        label=_("The decision answers this proposal"),
        queryset=Proposal.objects.none(),
        required=False,
        help_text=_(
            "The decision becomes the proposal's public answer, and its author and followers are told."
        ),
    )
    proposal_status = forms.ChoiceField(
        label=_("New status of the proposal"), choices=[("", "–"), *Status.choices], required=False
    )

    def __init__(self, *args: Any, items: Any, proposals: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_decision-%s")
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agenda_item"]).queryset = items
        cast(forms.ModelChoiceField, self.fields["proposal"]).queryset = proposals

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("proposal") and not data.get("proposal_status"):
            self.add_error("proposal_status", _("Choose the proposal's new status."))
        return data


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What is to be done"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Who does it"), queryset=User.objects.none())
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_action-%s")
        super().__init__(*args, **kwargs)
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = members
        owner.label_from_instance = lambda user: user.public_name  # type: ignore[method-assign,assignment]


class ListingForm(forms.Form):
    show = forms.BooleanField(label=_("Show me in the forum's member list"), required=False)
    show_organisation = forms.BooleanField(
        label=_("Also show which organisation I speak for"), required=False
    )


ACTION_STATUSES = ActionItem.Status.choices
