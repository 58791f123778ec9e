"""Every forums page in all five languages, for a facilitator and for a visitor: the right `<html lang>`,
one main heading, and no axe-core violations (checked automatically for every page the browser shows).
Translations fall back to English until the catalogues are written."""

import pytest
from django.core import mail

from medvind.forums import demo as forums_demo
from medvind.forums.models import Meeting
from medvind.forums.notifications import unsubscribe_token
from medvind.proposals import demo as proposals_demo

from .helpers import LANGUAGES, expect, sign_in

pytestmark = pytest.mark.e2e

GROUP = "gemensam-utvecklingsgrupp-for-socialtjansten"


@pytest.fixture
def forums(demo):
    proposals_demo.load_demo()
    forums_demo.load_demo()
    mail.outbox.clear()


def pages(language: str, *, facilitator: bool) -> list[str]:
    coming = Meeting.objects.get(title="Utvecklingsgruppen: dagordning från medlemmarna")
    full = Meeting.objects.get(title="Studiebesök: brukarstyrd verksamhet")
    held = Meeting.objects.get(title="Utvecklingsgruppen: SWOT-analys av samarbetet")
    draft = Meeting.objects.get(title="Utvecklingsgruppen: boendestöd")
    cancelled = Meeting.objects.get(title="Extra möte om sommarens öppettider")
    base = f"/{language}/spaces/{GROUP}"
    visits = [
        f"{base}/",
        f"{base}/meetings/",
        f"{base}/meetings/{coming.pk}/",
        f"{base}/meetings/{full.pk}/",
        f"{base}/meetings/{held.pk}/",
        f"{base}/meetings/{cancelled.pk}/",
        f"{base}/forum/people/",
        f"/{language}/meetings/unsubscribe/{unsubscribe_token(1)}/",
    ]
    if facilitator:
        visits += [
            f"{base}/meetings/new/",
            f"{base}/meetings/{coming.pk}/edit/",
            f"{base}/meetings/{coming.pk}/cancel/",
            f"{base}/meetings/{coming.pk}/register/",
            f"{base}/meetings/{coming.pk}/registrations/",
            f"{base}/meetings/{held.pk}/registrations/",
            f"{base}/meetings/{coming.pk}/agenda/",
            f"{base}/meetings/{held.pk}/minutes/",
            f"{base}/meetings/{draft.pk}/",
            f"{base}/meetings/{draft.pk}/minutes/",
            f"{base}/forum/actions/",
            f"/{language}/meetings/mine/",
        ]
    return visits


def visit_all(page, language: str, *, facilitator: bool) -> None:
    for path in pages(language, facilitator=facilitator):
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_forums_page_for_a_visitor(page, forums, language):
    visit_all(page, language, facilitator=False)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_forums_page_for_a_facilitator(page, forums, language):
    sign_in(page, "facilitator@demo.example", language=language)
    visit_all(page, language, facilitator=True)
