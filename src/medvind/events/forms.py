from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Poll
from .services import NAME_MAX, POLL_OPTIONS_MAX, QUESTION_MAX, clean_text, normalise_code

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(**kwargs)


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=160)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the event is about, and who takes part. Shown to the audience."),
    )
    starts_at = DateTimeField(label=_("Starts"))
    ends_at = DateTimeField(label=_("Ends"))
    premoderated = forms.BooleanField(
        label=_("Check questions before they are shown"),
        required=False,
        help_text=_("Then a moderator approves each question before the audience and the screen show it."),
    )
    postbox_days = forms.IntegerField(
        label=_("Days the postbox stays open after the event"),
        min_value=0,
        max_value=90,
        initial=7,
        help_text=_("For those who want to write later. 0 closes it with the event."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The event must end after it starts."))
        if "title" in data and not clean_text(data["title"]):
            self.add_error("title", _("Write a title."))
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question or input"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("At most 1000 characters. Do not write anything that shows who you or others are."),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Leave it empty to ask without a name."),
    )

    def clean_text(self) -> str:
        text = clean_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Write your question or input."))
        return text


class PollForm(forms.Form):
    question = forms.CharField(label=_("Poll question"), max_length=200)
    options = forms.CharField(
        label=_("Answers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("One answer on each line, from 2 to 10 answers."),
    )
    multiple = forms.BooleanField(label=_("People may choose more than one answer"), required=False)

    def clean_options(self) -> list[str]:
        lines = [clean_text(line) for line in self.cleaned_data["options"].splitlines()]
        lines = [line for line in lines if line]
        if not 2 <= len(lines) <= POLL_OPTIONS_MAX:
            raise forms.ValidationError(_("Give from 2 to 10 answers, one on each line."))
        if any(len(line) > 120 for line in lines):
            raise forms.ValidationError(_("Write each answer in at most 120 characters."))
        if len({line.casefold() for line in lines}) != len(lines):
            raise forms.ValidationError(_("Two answers are the same. Give each answer once."))
        return lines


class VoteForm(forms.Form):
    def __init__(self, *args: Any, poll: Poll, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"poll{poll.pk}")
        super().__init__(*args, **kwargs)
        choices = [(str(o.pk), o.text) for o in poll.options.all()]
        field_class = forms.MultipleChoiceField if poll.multiple else forms.ChoiceField
        widget = forms.CheckboxSelectMultiple if poll.multiple else forms.RadioSelect
        self.fields["choice"] = field_class(
            label=poll.question,
            choices=choices,
            widget=widget,
            help_text=_("You may choose more than one answer.") if poll.multiple else "",
            error_messages={"required": _("Choose an answer.")},
        )

    def option_ids(self) -> list[int]:
        value = self.cleaned_data["choice"]
        return [int(v) for v in (value if isinstance(value, list) else [value])]


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Event code"),
        max_length=20,
        help_text=_("The code on the screen at the event, for example K7M4QX."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return normalise_code(self.cleaned_data["code"])
