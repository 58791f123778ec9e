"""Every proposals page in the browser, so that axe-core checks each of them: the list and a proposal in
all five languages (each language shows a proposal in another state), and the facilitator's pages
(themes, the moderation forms on a proposal, notifications), with every display setting on."""

import re

import pytest
from django.utils import translation

from medvind.core.models import Space
from medvind.proposals.models import Proposal, Theme

from .helpers import LANGUAGES, expect
from .proposals_helpers import (
    GROUP,
    HIDDEN_COMMENT_ON,
    OVERDUE,
    WORKSHOP,
    assert_unique_ids,
    detail_path,
    load_proposals_demo,
    open_all_details,
    proposal,
    sign_in_at,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


# A proposal in another state for each language.
DETAIL = {
    "da": "Längre öppettider på träfflokalen",  # done, 100 %
    "sv": OVERDUE,  # overdue, with a comment and a reply
    "nb": "Kaffe och prat efter mötena",  # merged into another
    "nn": HIDDEN_COMMENT_ON,  # a hidden comment, supporters
    "en": "Egen parkeringsplats för besökare vid boendet",  # declined
}


class Translations:
    """What a page should say in a language. A text without a translation is noted (and the test fails
    at the end, after every page was shown and checked with axe-core)."""

    def __init__(self) -> None:
        self.missing: list[str] = []

    def __call__(self, language: str, text: str, **values: str) -> str:
        with translation.override(language):
            translated = translation.gettext(text)
        if language != "en" and translated == text:
            self.missing.append(f"{language}: {text!r}")
        return translated % values if values else translated


SEEN = """() => ({
  lang: document.documentElement.lang,
  headings: [...document.querySelectorAll('h1')].map(h => h.innerText.trim()),
  title: document.title,
})"""


def look(page, language: str, heading: str) -> None:
    page.wait_for_load_state()  # after a click the next document may not be there yet
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    seen = page.evaluate(SEEN)
    assert seen["lang"] == language, f"{page.url}: <html lang={seen['lang']!r}>"
    assert seen["headings"] == [heading], f"{page.url}: main headings {seen['headings']}"
    assert seen["title"].endswith("– Medvind"), f"{page.url}: title {seen['title']!r}"


def test_the_list_and_a_proposal_in_every_language(page, proposals_demo):
    group = Space.objects.get(slug=GROUP)
    t = Translations()
    for language in LANGUAGES:
        # The list.
        response = page.goto(f"/{language}/spaces/{GROUP}/proposals/")
        assert response.status == 200
        look(page, language, t(language, "Proposals in %(space)s", space=group.title))
        main = page.get_by_role("main")
        expect(main.get_by_role("link", name=t(language, "Send a proposal"), exact=True)).to_be_visible()
        expect(page.get_by_role("search", name=t(language, "Find proposals"))).to_be_visible()
        expect(main.get_by_role("button", name=t(language, "Show"))).to_be_visible()
        expect(page.get_by_role("list", name=t(language, "Proposals")).get_by_role("listitem")).to_have_count(
            9
        )

        # A proposal, in the state chosen for this language.
        item = proposal(DETAIL[language])
        page.get_by_role("link", name=item.title).click()
        look(page, language, item.title)
        expect(page.locator("h1")).to_have_attribute("lang", "sv")  # the proposal's own language
        with translation.override("en"):  # the English label; t() translates it
            status = str(item.get_status_display())
        expect(page.get_by_role("article").locator(".mv-status")).to_have_text(t(language, status))
        expect(page.get_by_role("region", name=t(language, "What happened"))).to_be_visible()
        expect(
            page.get_by_role("link", name=t(language, "Sign in to support, follow or comment."))
        ).to_be_visible()

    assert not t.missing, "Not translated on the proposals pages:\n" + "\n".join(t.missing)


def test_a_facilitator_with_high_contrast_sees_every_moderation_page(page, proposals_demo):
    # Fatima reads with every display setting on: easy-read, larger text and high contrast.
    sign_in_at(page, "facilitator@demo.example", f"/en/account/display/?next=/en/spaces/{GROUP}/proposals/")
    for setting in ("Easy-read mode", "Larger text", "High contrast"):
        page.get_by_label(setting).check()
    page.get_by_role("button", name="Save display settings").click()
    expect(page.locator("body")).to_have_class(re.compile(r"\bmv-high-contrast\b"))

    # The list has a way to the themes, for facilitators.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Proposals in")
    page.get_by_role("link", name="Themes and responders").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Themes and responders")
    rows = page.get_by_role("table", name="Themes").locator("tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.filter(has_text="Boende och boendestöd")).to_contain_text("Rasmus Ek")

    # A theme without a name is refused; then one is added.
    add = page.get_by_role("button", name="Save the theme")
    add.click()
    expect(page.get_by_role("alert")).to_be_focused()
    expect(page.locator("#id_name_error")).to_be_visible()
    page.get_by_label("Theme").fill("Mat och måltider")
    page.get_by_label("Responder").select_option(label="Rasmus Ek")
    add.click()
    expect(page.get_by_role("status")).to_have_text("The theme is saved.")
    expect(rows).to_have_count(5)

    # A theme is changed: its form is filled in with what it has now.
    page.get_by_role("link", name="Change Nästa möte").click()
    expect(page.get_by_role("heading", name="Change Nästa möte")).to_be_visible()
    expect(page.get_by_label("Theme")).to_have_value("Nästa möte")
    page.get_by_label("Responder").select_option(label="Robin Sand")
    add.click()
    expect(page.get_by_role("status")).to_have_text("The theme is saved.")
    expect(rows.filter(has_text="Nästa möte")).to_contain_text("Robin Sand")
    assert Theme.objects.get(name="Nästa möte").responder.display_name == "Robin Sand"

    # A proposal with comments, with every moderation form open.
    item = proposal(OVERDUE)
    page.goto(detail_path("en", item))
    expect(page.get_by_role("heading", level=1)).to_have_text(OVERDUE)
    expect(page.get_by_role("region", name="For facilitators")).to_be_visible()
    expect(page.get_by_role("region", name="Answer the proposal")).to_be_visible()
    open_all_details(page)
    assert_unique_ids(page)
    report = page.get_by_role("group").filter(has_text="Report this proposal to the moderators")
    expect(report.get_by_role("textbox", name="What is wrong?")).to_be_visible()
    hide = page.get_by_role("group").filter(has_text="Hide this proposal")
    expect(hide.get_by_role("textbox", name="Reason")).to_be_visible()

    # The deadline is moved; a deadline before the proposal was sent is refused.
    moderation = page.get_by_role("region", name="For facilitators")
    deadline = moderation.get_by_label("Answer deadline")
    deadline.fill("2000-01-01")
    moderation.get_by_role("button", name="Save responder").click()
    expect(page.get_by_role("alert")).to_contain_text("The deadline cannot be before the proposal was sent.")
    deadline = page.get_by_role("region", name="For facilitators").get_by_label("Answer deadline")
    expect(deadline).to_be_visible()  # the form stays open with its error
    new_deadline = item.created_at.date().replace(year=item.created_at.year + 1)
    deadline.fill(new_deadline.isoformat())
    page.get_by_role("button", name="Save responder").click()
    expect(page.get_by_role("status")).to_have_text("The responder is saved.")
    expect(page.get_by_text("An answer is due by")).to_be_visible()

    # The merged one and the hidden comment, as the facilitator sees them.
    merged = Proposal.objects.get(title="Kaffe och prat efter mötena")
    page.goto(detail_path("en", merged))
    expect(page.get_by_role("link", name=HIDDEN_COMMENT_ON)).to_be_visible()
    page.get_by_role("link", name=HIDDEN_COMMENT_ON).click()
    expect(page.get_by_text("A moderator has hidden this comment.", exact=False)).to_be_visible()
    open_all_details(page)

    # The anonymous letter in the Danish workshop (open to everyone to read).
    letter = Proposal.objects.get(space__slug=WORKSHOP, author=None)
    page.goto(detail_path("en", letter))
    expect(page.get_by_text("Sent without a name")).to_be_visible()

    # Notifications.
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name=re.compile("^Notifications")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
