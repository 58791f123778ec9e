"""Staff build a learning path in the browser, in Danish and in English: search the knowledge bank with
an inflected word, add steps, ask a question, move a step, publish. Then a new member of a forum finds
the path for new members in the welcome. Every page passes axe-core (`new_page` checks each one)."""

import re

import pytest

from medvind.core.models import Space
from medvind.knowledge.demo import load_demo as load_knowledge_demo
from medvind.learning import demo as learning_demo
from medvind.learning.models import Path

from .helpers import expect, sign_in, tr

pytestmark = pytest.mark.e2e

# (language, title, inflected search word, the item it finds)
CASES = [
    ("da", "Nye i brugerrådet", "brugerrådene", "Sådan forbereder du et møde i brugerrådet"),
    ("en", "New on the user council", "councils", "How to prepare for a user council meeting"),
]


@pytest.fixture
def content(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_knowledge_demo()
    learning_demo.load_demo()


@pytest.mark.parametrize(("language", "title", "word", "item"), CASES)
def test_staff_build_and_publish_a_path(new_page, content, language, title, word, item):
    page = new_page()
    sign_in(page, "facilitator@demo.example", language=language)
    page.goto(f"/{language}/learning/")
    page.get_by_role("link", name=tr(language, "Make a new learning path")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(tr(language, "Make a new learning path"))

    form = page.locator("main form.mv-form")
    form.get_by_label(tr(language, "Title"), exact=True).fill(title)
    form.get_by_label(tr(language, "Language"), exact=True).select_option(language)
    form.locator("input[name=audiences][value=representatives]").check()
    form.get_by_label(tr(language, "Hours")).fill("2")
    form.locator("input[name=for_new_members]").check()
    # Publishing with no steps is refused: the message is shown and nothing is lost.
    page.get_by_role("button", name=tr(language, "Save and add steps")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    page.get_by_role("button", name=tr(language, "Publish the path")).click()
    expect(page.locator(".mv-messages")).to_contain_text(
        tr(language, "A learning path needs at least one step.")
    )

    search = page.get_by_role(
        "textbox", name=re.compile("^" + re.escape(tr(language, "Find an item in the knowledge bank")))
    )
    search.fill(word)
    search.press("Enter")
    page.wait_for_url(re.compile(r"\?q="))
    add = page.get_by_role("button", name=re.compile(re.escape(item)))
    expect(add).to_be_visible()
    add.click()
    expect(page.locator("main ol > li")).to_have_count(1)

    search = page.get_by_role(
        "textbox", name=re.compile("^" + re.escape(tr(language, "Find an item in the knowledge bank")))
    )
    search.fill("")
    search.press("Enter")
    page.wait_for_url(re.compile(r"\?q=#"))
    expect(page.locator("main form[action$='/steps/add/'] button").first).to_be_visible()
    page.locator("main form[action$='/steps/add/'] button").first.click()
    expect(page.locator("main ol > li")).to_have_count(2)

    second = page.locator("main ol > li").nth(1)
    second_title = second.locator("h3 a").inner_text()
    second.get_by_role("button", name=tr(language, "Move step %(number)s up") % {"number": 2}).click()
    expect(page.locator("main ol > li").first.locator("h3 a")).to_have_text(second_title)

    first = page.locator("main ol > li").first
    first.locator("input[name$='-question']").fill(
        "Hvad vil du tage op?" if language == "da" else "What will you raise?"
    )
    first.locator("button[type=submit]").first.click()
    expect(page.locator(".mv-messages")).to_contain_text(tr(language, "The question is saved."))

    page.get_by_role("button", name=tr(language, "Publish the path")).click()
    expect(page.locator(".mv-messages")).to_contain_text(
        tr(language, "The path is published. Everyone can see it.")
    )
    path = Path.objects.get(title=title)
    assert path.published and path.organisation is not None and path.for_new_members
    assert list(path.steps.order_by("position").values_list("item__title", flat=True))[1] == item

    page.goto(f"/{language}/learning/?language={language}")
    expect(page.get_by_role("link", name=title)).to_be_visible()


def test_a_new_member_is_welcomed_with_the_path_for_new_members(new_page, content):
    forum = Space.objects.get(join_policy=Space.JoinPolicy.OPEN, kind=Space.Kind.FORUM, language="nn")
    page = new_page()
    sign_in(page, "deltakar@demo.example", language="nn")
    page.goto(f"/nn/spaces/{forum.slug}/")
    page.get_by_role("button", name=tr("nn", "Join the space")).click()
    welcome = page.locator("section[aria-labelledby=welcome-heading]")
    expect(welcome).to_be_visible()
    path = Path.objects.get(for_new_members=True, published=True, language="nn")
    welcome.get_by_role("link", name=path.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(path.title)
