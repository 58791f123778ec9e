"""Helpers for the browser tests of proposals: the demo proposals, signing in at a page, answering,
links from the proposal emails, keyboard steps, and checks that axe-core cannot make (focus ring, unique
ids, reflow on a narrow screen)."""

import re
from urllib.parse import quote, urlsplit

from django.core import mail
from playwright.sync_api import Locator, Page

from medvind.proposals import demo as proposals_demo
from medvind.proposals.models import Proposal

from .helpers import PASSWORD, expect, in_any_language, tr

GROUP = "gemensam-utvecklingsgrupp-for-socialtjansten"
WORKSHOP = "workshop-og-paneldebat-om-fagsystemet"
MUNICIPALITY = "exempelkommun"
OVERDUE = "Information på lättläst svenska om boendestöd"
OVERDUE_TOO = "Samma kontaktperson hela tiden"
IN_PROGRESS = "Brukarrevisorer ska få arvode"
HIDDEN_COMMENT_ON = "Fika efter mötet"


def load_proposals_demo() -> None:
    """The proposals of the demo (on top of the core demo), and an empty outbox."""
    proposals_demo.load_demo()
    mail.outbox.clear()


def proposal(title: str) -> Proposal:
    return Proposal.objects.select_related("space").get(title=title)


def detail_path(language: str, item: Proposal) -> str:
    return f"/{language}/spaces/{item.space.slug}/proposals/{item.pk}/"


def links_in(message: mail.EmailMessage) -> list[str]:
    links = re.findall(r"https?://[^\s<>\"']+", message.body)
    assert links, f"No link in the email:\n{message.body}"
    return links


def local_path(url: str) -> str:
    """The path and query of a link in an email (the emails use MEDVIND_BASE_URL; the test server
    runs elsewhere)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, limit: int = 80) -> int:
    """Press Tab until the target has focus; how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if is_focused(target):
            return presses
    focused = page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)")
    raise AssertionError(f"{target} not reached with {limit} presses of Tab; focus is on {focused}")


def sign_in_at(page: Page, email: str, path: str) -> None:
    """Sign in with the form from a page's "next" address, and land on that page."""
    page.goto(f"/en/accounts/login/?next={quote(path)}")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("banner").get_by_role("button", name=in_any_language("Sign out"))).to_be_visible()
    assert urlsplit(page.url).path == urlsplit(path).path, f"Signed in at {page.url}, not {path}"


def publish_answer(page: Page, language: str, status: str, text: str, progress: int | None = None) -> None:
    """As a responder on a proposal page: choose the new status, write the public answer, publish."""
    section = page.get_by_role("region", name=tr(language, "Answer the proposal"))
    section.get_by_label(tr(language, "New status")).select_option(label=tr(language, status))
    if progress is not None:
        section.get_by_label(tr(language, "Progress in per cent")).fill(str(progress))
    section.get_by_label(tr(language, "Public answer")).fill(text)
    section.get_by_role("button", name=tr(language, "Publish the answer")).click()
    expect(page.get_by_role("status")).to_contain_text(
        tr(language, "The answer is published. The author and followers are told.")
    )
    expect(page.get_by_role("region", name=tr(language, "What happened")).get_by_text(text)).to_be_visible()


def mail_to(address: str) -> list[mail.EmailMessage]:
    return [m for m in mail.outbox if address in m.to]


def check_again(page: Page) -> None:
    """Run axe-core again on the page as it is now (after htmx swapped in content or details opened)."""
    page.evaluate("() => { window.__mvAxeChecked = false; }")
    page._mv_guard.check(page)  # type: ignore[attr-defined]


def open_all_details(page: Page) -> None:
    page.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")
    check_again(page)


DUPLICATE_IDS = """() => {
  const seen = {};
  for (const element of document.querySelectorAll('[id]')) seen[element.id] = (seen[element.id] || 0) + 1;
  return Object.keys(seen).filter(id => seen[id] > 1);
}"""


def assert_unique_ids(page: Page) -> None:
    """Labels, error messages and help texts point to ids: a second element with the same id is unnamed."""
    duplicates = page.evaluate(DUPLICATE_IDS)
    assert not duplicates, f"{page.url}: ids used more than once: {duplicates}"


FOCUS_STYLE = """element => {
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {outline, shadow: style.boxShadow !== 'none', style: `${style.outline} / ${style.boxShadow}`};
}"""


def assert_focus_visible(locator: Locator) -> None:
    """The element has focus and shows it (an outline or a ring), as keyboard users need to see."""
    assert is_focused(locator), f"{locator} does not have focus"
    seen = locator.evaluate(FOCUS_STYLE)
    assert seen["outline"] or seen["shadow"], f"{locator} has focus but shows no focus ring: {seen['style']}"


def assert_no_horizontal_scroll(page: Page) -> None:
    """Reflow (WCAG 1.4.10): on a narrow screen the page fits its width; only tables may scroll."""
    width, viewport = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport, f"{page.url}: {width}px wide in a {viewport}px window"
