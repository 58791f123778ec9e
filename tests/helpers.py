"""Small helpers for reading what a person sees in a response."""

import html
import re

from django.urls import reverse
from django.utils import translation

LANGUAGES = ["da", "sv", "nb", "nn", "en"]


def url(name: str, lang: str = "en", **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def page(response) -> str:
    return response.content.decode()


def html_lang(response) -> str | None:
    match = re.search(r'<html lang="([^"]*)"', page(response))
    return match[1] if match else None


def field_error(response, name: str, prefix: str = "") -> str | None:
    """The error shown next to a form field (rendered by templates/forms/field.html)."""
    field_id = f"id_{prefix + '-' if prefix else ''}{name}"
    match = re.search(
        rf'<p class="ds-validation-message" id="{field_id}_error">(.*?)</p>', page(response), re.S
    )
    return html.unescape(match[1]) if match else None


def field_value(response, name: str, prefix: str = "") -> str | None:
    """What the field shows: an input's value, a textarea's text, or a select's chosen option."""
    field_name = f"{prefix + '-' if prefix else ''}{name}"
    content = page(response)
    for tag in re.finditer(r"<input\b[^>]*>", content):
        if f'name="{field_name}"' in tag[0]:
            value = re.search(r'value="([^"]*)"', tag[0])
            return html.unescape(value[1]) if value else ""
    textarea = re.search(rf'<textarea\b[^>]*name="{field_name}"[^>]*>(.*?)</textarea>', content, re.S)
    if textarea:
        return html.unescape(textarea[1]).removeprefix("\n")
    return None


def translated(lang: str, text: str) -> str:
    with translation.override(lang):
        return translation.gettext(text)


def form_defaults(form) -> dict:
    """What a person posts when they leave every field of the form as it is."""
    data = {}
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        if value in (None, False, ""):
            continue
        data[name] = getattr(value, "pk", value)
    return data
