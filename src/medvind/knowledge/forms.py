from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Audience, Item, Kind
from .services import clean_tags

SHARED = "shared"


class OwnerField(forms.Form):
    """The organisation that publishes (an item, a learning path): one where the writer is staff, or the
    shared collection for platform admins. Chosen once: it is not shown when the thing is changed."""

    organisation = forms.ChoiceField(label=_("Published by"))

    def owner_choices(self, organisations: Any, shared: bool, *, changing: bool) -> None:
        if changing:
            del self.fields["organisation"]
            return
        choices = [(SHARED, _("The shared collection"))] if shared else []
        self.organisations = {str(o.pk): o for o in organisations}
        self.fields["organisation"].choices = choices + [(k, o.name) for k, o in self.organisations.items()]  # type: ignore[attr-defined]

    def clean_organisation(self) -> Any:
        value = self.cleaned_data["organisation"]
        return None if value == SHARED else self.organisations[value]


class ItemForm(OwnerField):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences. They show in the list and in search results."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=60000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("You can use simple Markdown: **bold**, *italic*, lists and links."),
    )
    easy_read = forms.CharField(
        label=_("Easy-read version"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Short sentences and common words."),
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.CharField(
        label=_("Tags"),
        max_length=400,
        required=False,
        help_text=_("Words separated by commas, for example: user council, meeting."),
    )
    url = forms.URLField(
        label=_("Address (for a link)"), required=False, max_length=200, assume_scheme="https"
    )
    media_file = forms.FileField(
        label=_("Video or audio file (for a digital story)"),
        required=False,
        help_text=_("MP4, WebM, Ogg, MP3 or WAV."),
    )
    transcript = forms.CharField(
        label=_("Transcript"),
        max_length=60000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Everything that is said and shown. A digital story needs it before it is published."),
    )
    captions = forms.CharField(
        label=_("Captions (WebVTT)"),
        max_length=200000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "A video needs captions. Start with the line WEBVTT, then for example "
            "“00:00:01.000 --> 00:00:04.000” and the text on the next line."
        ),
    )
    captions_file = forms.FileField(label=_("Or upload the captions as a .vtt file"), required=False)

    def __init__(self, *args: Any, organisations: Any, shared: bool, item: Item | None = None, **kwargs: Any):
        if item is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "organisation": str(item.organisation_id) if item.organisation_id else SHARED,
                "kind": item.kind,
                "title": item.title,
                "language": item.language,
                "summary": item.summary,
                "body": item.body,
                "easy_read": item.easy_read,
                "audiences": item.audiences,
                "tags": ", ".join(item.tags),
                "url": item.url,
                "transcript": item.transcript,
                "captions": item.captions,
            }
        super().__init__(*args, **kwargs)
        self.owner_choices(organisations, shared, changing=item is not None)

    def clean_tags(self) -> list[str]:
        return clean_tags(self.cleaned_data["tags"])

    def clean_captions_file(self) -> str:
        upload = self.cleaned_data.get("captions_file")
        if not upload:
            return ""
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(_("The captions file is too big. It can be at most 1 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The captions file must be plain text in UTF-8.")) from error

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("captions_file"):
            data["captions"] = data["captions_file"]
        data.pop("captions_file", None)
        data["media"] = data.pop("media_file", None)
        return data


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False)
    audience = forms.ChoiceField(
        label=_("For whom"), choices=[("", _("Everyone and all groups")), *Audience.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All languages")), *settings.LANGUAGES], required=False
    )
    tag = forms.CharField(label=_("Tag"), max_length=60, required=False)

    def clean_tag(self) -> str:
        tags = clean_tags([self.cleaned_data["tag"]])
        return tags[0] if tags else ""


class TranslationForm(forms.Form):
    original = forms.CharField(
        label=_("This item translates"),
        max_length=300,
        help_text=_("The address of the item in the other language, or the last part of it."),
    )

    def clean_original(self) -> str:
        value = self.cleaned_data["original"].strip().rstrip("/")
        return value.rsplit("/", 1)[-1][:100]


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("Attachment"),
        help_text=_("PDF, Word (DOCX), OpenDocument text (ODT), PNG or JPEG, at most 25 MB."),
    )
