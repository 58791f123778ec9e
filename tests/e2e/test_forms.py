"""A form with mistakes says what is wrong, next to each field, moves focus to the summary and keeps
what was typed."""

import re

import pytest

from .helpers import expect, sign_in

pytestmark = pytest.mark.e2e


def test_empty_space_form_shows_every_error_next_to_its_field_and_keeps_what_was_typed(page, demo):
    sign_in(page, "facilitator@demo.example")
    page.goto("/en/spaces/new/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a space")
    create = page.get_by_role("button", name="Create the space")

    # Sent empty: the error summary appears, is announced (role=alert) and has focus.
    page.get_by_label("Title").fill("")
    create.click()
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Please correct the following:")
    links = summary.get_by_role("link")
    assert links.count() >= 2, summary.inner_text()

    # Each error in the summary links to its field, and the same message stands next to that field.
    for i in range(links.count()):
        link = links.nth(i)
        field_id = link.get_attribute("href").lstrip("#")
        field = page.locator(f"#{field_id}")
        message = page.locator(f"#{field_id}_error")
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_attribute("aria-describedby", re.compile(rf"\b{field_id}_error\b"))
        expect(message).to_be_visible()
        assert message.inner_text().strip() in link.inner_text()
        same_group = message.evaluate(
            "(msg, id) => msg.closest('.mv-field') === document.getElementById(id).closest('.mv-field')",
            field_id,
        )
        assert same_group, f"The error for {field_id} is not next to its field"
    title_error = page.locator("#id_title_error")
    expect(title_error).to_be_visible()
    expect(page.locator("#id_organisations_error")).to_be_visible()

    # Following a link in the summary puts focus in that field.
    summary.get_by_role("link", name=re.compile("^Title")).click()
    expect(page.get_by_label("Title")).to_be_focused()

    # Fill some fields, leave "Owned by" empty: what was typed is kept, only the remaining error shows.
    page.get_by_label("Title").fill("Kaffe och samtal om boendestöd")
    page.get_by_label("Summary").fill("Vi ses på torsdagar.")
    page.get_by_label("Kind").select_option(label="Forum")
    create.click()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(summary.get_by_role("link")).to_contain_text("Owned by")
    expect(title_error).to_have_count(0)
    expect(page.get_by_label("Title")).to_have_value("Kaffe och samtal om boendestöd")
    expect(page.get_by_label("Summary")).to_have_value("Vi ses på torsdagar.")
    expect(page.get_by_label("Kind")).to_have_value("forum")
    expect(page.locator("#id_organisations_error")).to_be_visible()
