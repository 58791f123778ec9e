"""The list's filters and order are a plain form that works without JavaScript; with JavaScript, similar
proposals are shown while a title is typed (htmx)."""

import re

import pytest

from .helpers import expect
from .proposals_helpers import (
    GROUP,
    IN_PROGRESS,
    OVERDUE,
    OVERDUE_TOO,
    assert_no_horizontal_scroll,
    check_again,
    load_proposals_demo,
    sign_in_at,
)

pytestmark = pytest.mark.e2e

PHONE = {"width": 320, "height": 640}


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


def titles(page) -> list[str]:
    return page.get_by_role("list", name="Proposals").get_by_role("heading").all_inner_texts()


def test_filters_and_order_work_without_javascript(new_page, proposals_demo):
    page = new_page(java_script_enabled=False, viewport=PHONE)  # an old phone, without JavaScript
    page.goto(f"/en/spaces/{GROUP}/proposals/")
    assert page.evaluate("() => typeof window.htmx") == "undefined", "JavaScript ran in the page"
    assert_no_horizontal_scroll(page)
    search = page.get_by_role("search", name="Find proposals")
    show = search.get_by_role("button", name="Show")
    expect(page.get_by_role("list", name="Proposals").get_by_role("listitem")).to_have_count(9)

    # Only the done ones.
    search.get_by_label("Status").select_option(label="Done")
    show.click()
    expect(page).to_have_url(re.compile(r"[?&]status=done(&|$)"))
    assert titles(page) == ["Längre öppettider på träfflokalen"]
    expect(search.get_by_label("Status")).to_have_value("done")

    # Only overdue, waiting longest first: the choices are kept in the form.
    search.get_by_label("Status").select_option(label="All")
    search.get_by_label("Only overdue").check()
    search.get_by_label("Order").select_option(label="Waiting longest for an answer")
    show.click()
    expect(page).to_have_url(re.compile(r"overdue=1"))
    assert titles(page) == [OVERDUE, OVERDUE_TOO]
    expect(search.get_by_label("Only overdue")).to_be_checked()
    expect(search.get_by_label("Order")).to_have_value("waiting")
    expect(page.get_by_role("list", name="Proposals")).to_contain_text("Overdue: the answer was due")

    # Most supported first, in one theme.
    search.get_by_label("Only overdue").uncheck()
    search.get_by_label("Order").select_option(label="Most supported")
    search.get_by_label("Theme").select_option(label="Bemötande och information")
    show.click()
    expect(page).to_have_url(re.compile(r"theme=\d"))
    assert titles(page) == [IN_PROGRESS, "Anhöriga med i planeringen"]
    expect(page.get_by_role("list", name="Proposals").get_by_role("listitem").first).to_contain_text(
        "4 supporters"
    )

    # A search with no match says so.
    search.get_by_label("Search").fill("parkering")
    show.click()
    expect(page.get_by_text("No proposal matches your choice.")).to_be_visible()
    search.get_by_label("Theme").select_option(label="All")
    show.click()
    expect(page.get_by_role("list", name="Proposals")).to_be_visible()  # the next page has come
    assert titles(page) == ["Egen parkeringsplats för besökare vid boendet"]
    expect(search.get_by_label("Search")).to_have_value("parkering")
    assert_no_horizontal_scroll(page)


def test_similar_proposals_are_shown_while_the_title_is_typed(page, proposals_demo):
    sign_in_at(page, "participant@demo.example", f"/en/spaces/{GROUP}/proposals/new/")
    similar = page.get_by_role("region", name="Similar proposals")
    expect(similar).to_contain_text("When you write a title, similar proposals are shown here.")
    live = similar.locator("[aria-live=polite]")

    page.get_by_label("Title").press_sequentially("Lättläst", delay=30)
    expect(live.get_by_role("link", name=OVERDUE)).to_be_visible()
    expect(live).to_contain_text("Received, 2 supporters")
    check_again(page)

    page.get_by_label("Title").fill("")
    page.get_by_label("Title").press_sequentially("Vattengympa", delay=30)
    expect(live).to_have_text("No similar proposals found.")
    check_again(page)

    # Following a suggestion opens it, where it can be supported instead.
    page.get_by_label("Title").fill("")
    page.get_by_label("Title").press_sequentially("kontaktperson", delay=30)
    live.get_by_role("link", name=OVERDUE_TOO).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OVERDUE_TOO)
    expect(page.get_by_role("button", name="Support this proposal")).to_be_visible()
