"""`short_date` and `short_datetime`: Django's `date:"SHORT_DATE_FORMAT"`, in the local time zone, at a
fraction of the cost for the numeric formats of our languages (lists show one per row)."""

import datetime as dt
from functools import lru_cache

from django import template
from django.utils import timezone
from django.utils.formats import date_format, get_format

register = template.Library()

_STRFTIME = {"d": "%d", "m": "%m", "Y": "%Y", "H": "%H", "i": "%M", ".": ".", "-": "-", "/": "/", " ": " "}


@lru_cache
def _strftime_pattern(django_format: str) -> str | None:
    """The strftime pattern that writes the same as a Django date format, if it has only these letters."""
    if all(char in _STRFTIME for char in django_format):
        return "".join(_STRFTIME[char] for char in django_format)
    return None


def _format(value: dt.date | dt.datetime | None, format_name: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    pattern = _strftime_pattern(str(get_format(format_name)))
    return value.strftime(pattern) if pattern else date_format(value, format_name)


@register.filter
def short_date(value: dt.date | dt.datetime | None) -> str:
    return _format(value, "SHORT_DATE_FORMAT")


@register.filter
def short_datetime(value: dt.datetime | None) -> str:
    return _format(value, "SHORT_DATETIME_FORMAT")


@register.filter
def iso(value: dt.date | dt.datetime | None) -> str:
    """For `<time datetime>`: the date, or the moment to the second with its offset."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()
