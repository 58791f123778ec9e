from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from medvind.accounts.models import User
from medvind.core.models import Organisation, Space

from .models import Kind, Status, Theme
from .workflow import allowed_next

MARKDOWN_HELP = _("You can use simple formatting: **bold**, *italic*, lists with - and links.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120, help_text=_("Say it in a few words."))
    body = forms.CharField(
        label=_("Your proposal"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=MARKDOWN_HELP,
    )
    kind = forms.ChoiceField(label=_("What is it?"), choices=Kind.choices, initial=Kind.IDEA)
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=Theme.objects.none(), required=False)
    concerns = forms.ModelChoiceField(
        label=_("Which service or IT system does it concern?"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    language = forms.ChoiceField(label=_("Language you write in"), choices=settings.LANGUAGES)
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Images or PDF files, at most 10 MB each."),
        widget=MultipleFileInput(
            attrs={"accept": "image/png,image/jpeg,image/gif,image/webp,application/pdf"}
        ),
    )

    def __init__(
        self, *args: Any, space: Space, anonymous: bool = False, similar_url: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if similar_url:  # htmx lists similar proposals while the title is typed
            self.fields["title"].widget.attrs.update(
                {
                    "hx-get": similar_url,
                    "hx-trigger": "input changed delay:500ms",
                    "hx-target": "#similar-proposals",
                    "hx-sync": "this:replace",
                }
            )
        themes = Theme.objects.filter(space=space)
        if themes.exists():
            cast(forms.ModelChoiceField, self.fields["theme"]).queryset = themes
        else:
            del self.fields["theme"]
        cast(forms.ModelChoiceField, self.fields["concerns"]).queryset = Organisation.objects.filter(
            kind__in=[Organisation.Kind.SERVICE, Organisation.Kind.SYSTEM_OWNER]
        ).order_by("name")
        if anonymous:
            self.fields["contact_email"] = forms.EmailField(
                label=_("Your email address, if you want to hear back"),
                required=False,
                max_length=254,
                help_text=_("Nobody else sees it. We delete it when the proposal is closed."),
            )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    progress = forms.IntegerField(
        label=_("Progress in per cent"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Only for “In progress”."),
    )
    text = forms.CharField(
        label=_("Public answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Everyone can read it. The author and followers get it by email."),
    )

    def __init__(self, *args: Any, current_status: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        cast(forms.ChoiceField, self.fields["status"]).choices = [
            (s, labels[s]) for s in allowed_next(current_status)
        ]


class ResponderForm(forms.Form):
    """A person and/or a unit who must answer; the choices come from the space."""

    responder = forms.ModelChoiceField(label=_("Responder"), queryset=User.objects.none(), required=False)
    responder_organisation = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: Any, responders: list[Any], units: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        responder = cast(forms.ModelChoiceField, self.fields["responder"])
        responder.queryset = User.objects.filter(pk__in=[u.pk for u in responders])
        responder.label_from_instance = lambda user: user.public_name  # type: ignore[method-assign,assignment]
        unit = cast(forms.ModelChoiceField, self.fields["responder_organisation"])
        unit.queryset = Organisation.objects.filter(pk__in=[u.pk for u in units])


class AssignForm(ResponderForm):
    deadline = forms.DateField(
        label=_("Answer deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=MARKDOWN_HELP,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_hide-%s")  # the report form on the same page has a reason too
        super().__init__(*args, **kwargs)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_report-%s")
        super().__init__(*args, **kwargs)


class MergeForm(forms.Form):
    into = forms.IntegerField(
        label=_("Number of the proposal to merge into"),
        min_value=1,
        help_text=_("The number is shown on its page."),
    )


class ThemeForm(ResponderForm):
    name = forms.CharField(label=_("Theme"), max_length=80)

    field_order = ["name", "responder", "responder_organisation"]
