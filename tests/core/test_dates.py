"""The fast date filters write exactly what Django's date filter writes, in every language."""

import datetime as dt

import pytest
from django.template import engines
from django.utils import translation

from tests.helpers import LANGUAGES

MOMENTS = [
    dt.datetime(2026, 1, 1, 23, 30, 5, 123456, tzinfo=dt.UTC),  # the next day in Nordic time
    dt.datetime(2026, 7, 15, 9, 5, tzinfo=dt.UTC),
]
FAST = engines["django"].from_string(
    "{% load dates %}{% for m in moments %}{{ m|short_date }}|{{ m|short_datetime }}|{{ m.date|short_date }}|"
    "{% endfor %}{{ nothing|short_date }}"
)
DJANGO = engines["django"].from_string(
    "{% for m in moments %}{{ m|date:'SHORT_DATE_FORMAT' }}|{{ m|date:'SHORT_DATETIME_FORMAT' }}|"
    "{{ m.date|date:'SHORT_DATE_FORMAT' }}|{% endfor %}"
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_short_dates_are_the_same_as_djangos(language, settings):
    settings.TIME_ZONE = "Europe/Stockholm"
    with translation.override(language):
        assert FAST.render({"moments": MOMENTS}) == DJANGO.render({"moments": MOMENTS})


def test_iso_gives_the_moment_to_the_second_and_dates_as_they_are():
    template = engines["django"].from_string(
        "{% load dates %}{{ moment|iso }} {{ day|iso }} [{{ nothing|iso }}]"
    )
    rendered = template.render({"moment": MOMENTS[0], "day": dt.date(2026, 3, 4)})
    assert rendered == "2026-01-01T23:30:05+00:00 2026-03-04 []"
