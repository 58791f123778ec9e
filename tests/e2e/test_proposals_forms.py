"""Mistakes in the browser: an empty proposal form says what is missing next to each field and keeps
what was typed; a forged or impossible answer is refused with a clear message, never a server error."""

import re

import pytest

from medvind.proposals.models import Status

from .helpers import expect
from .proposals_helpers import GROUP, IN_PROGRESS, detail_path, load_proposals_demo, proposal, sign_in_at

pytestmark = pytest.mark.e2e


@pytest.fixture
def proposals_demo(demo):
    load_proposals_demo()


def check_error_summary(page, fields: list[str]) -> None:
    """The summary has focus and links to each field in error; each message stands next to its field."""
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Please correct the following:")
    links = summary.get_by_role("link")
    expect(links).to_have_count(len(fields))
    for link, label in zip(links.all(), fields, strict=True):
        expect(link).to_contain_text(label)
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


def test_an_empty_proposal_shows_errors_next_to_the_fields_and_keeps_what_was_typed(page, proposals_demo):
    sign_in_at(page, "participant@demo.example", f"/en/spaces/{GROUP}/proposals/new/")
    send = page.get_by_role("button", name="Send the proposal")

    # Sent empty: the summary is announced and has focus; title and text are missing.
    send.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send a proposal")
    check_error_summary(page, ["Title", "Your proposal"])
    expect(page.locator("#id_title_error")).to_have_text("This field is required.")

    # The link in the summary puts focus in the field.
    page.get_by_role("alert").get_by_role("link", name=re.compile("^Title")).click()
    expect(page.get_by_label("Title")).to_be_focused()

    # Only a title and a theme: they are kept, and only the text is still missing.
    page.get_by_label("Title").fill("Tolk vid alla möten")
    page.get_by_label("Theme").select_option(label="Nästa möte")
    page.get_by_label("What is it?").select_option(label="Theme for a meeting")
    send.click()
    check_error_summary(page, ["Your proposal"])
    expect(page.locator("#id_title_error")).to_have_count(0)
    expect(page.get_by_label("Title")).to_have_value("Tolk vid alla möten")
    expect(page.get_by_label("Theme").locator("option:checked")).to_have_text("Nästa möte")
    expect(page.get_by_label("What is it?")).to_have_value("meeting_theme")

    # With the text it is sent.
    page.get_by_label("Your proposal").fill("Vi behöver tolk på arabiska och somaliska.")
    send.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tolk vid alla möten")
    expect(page.get_by_role("status")).to_contain_text("Thank you! Your proposal is sent.")

    # An empty comment on it is refused the same way.
    page.get_by_role("button", name="Publish comment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tolk vid alla möten")
    check_error_summary(page, ["Your comment"])
    expect(page.get_by_role("region", name="0 comments")).to_contain_text("This field is required.")


def test_forged_and_impossible_answers_are_refused_with_a_clear_message(new_page, proposals_demo):
    item = proposal(IN_PROGRESS)  # in progress, 60 %; its responder is Rasmus
    path = detail_path("en", item)

    # A responder's form changed in the browser to offer a status that is not allowed from here.
    rasmus = new_page()
    sign_in_at(rasmus, "responder@demo.example", path)
    form = rasmus.get_by_role("region", name="Answer the proposal")
    status = form.get_by_label("New status")
    status.locator("option").first.evaluate("option => { option.value = 'submitted'; }")
    status.select_option(index=0)
    form.get_by_label("Public answer").fill("Tillbaka till början.")
    with rasmus.expect_response(re.compile(r"/answer/$")) as response:
        form.get_by_role("button", name="Publish the answer").click()
    assert response.value.status == 400
    check_error_summary(rasmus, ["New status"])
    expect(rasmus.locator("#id_status_error")).to_have_text(
        "Select a valid choice. submitted is not one of the available choices."
    )
    expect(form.get_by_label("Public answer")).to_have_value("Tillbaka till början.")

    # A progress above 100 %.
    form.get_by_label("New status").select_option(label="In progress")
    form.get_by_label("Progress in per cent").fill("150")
    form.get_by_role("button", name="Publish the answer").click()
    check_error_summary(rasmus, ["Progress in per cent"])
    expect(rasmus.locator("#id_progress_error")).to_have_text(
        "Ensure this value is less than or equal to 100."
    )
    item.refresh_from_db()
    assert (item.status, item.progress) == (Status.IN_PROGRESS, 60)

    # "In progress" without a percentage.
    form.get_by_label("Progress in per cent").fill("")
    form.get_by_role("button", name="Publish the answer").click()
    check_error_summary(rasmus, ["Progress in per cent"])
    expect(rasmus.locator("#id_progress_error")).to_have_text(
        "Give the progress as a percentage from 0 to 100."
    )

    # Switching language on this page (its address is the form's) opens the proposal, not an error.
    assert rasmus.url.endswith("/answer/")
    rasmus.get_by_role("banner").get_by_role("button", name="Dansk").click()
    rasmus.wait_for_url(re.compile(rf"/da/spaces/{GROUP}/proposals/{item.pk}/$"))
    expect(rasmus.locator("html")).to_have_attribute("lang", "da")
    expect(rasmus.get_by_role("heading", level=1)).to_have_text(item.title)

    # A participant who is not the responder posts an answer anyway (a forged form): access is refused.
    pia = new_page()
    sign_in_at(pia, "participant@demo.example", path)
    expect(pia.get_by_role("region", name="Answer the proposal")).to_have_count(0)
    pia.evaluate(
        """path => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = path + 'answer/';
            const fields = {
                csrfmiddlewaretoken: document.querySelector('[name=csrfmiddlewaretoken]').value,
                status: 'done', text: 'Klart!',
            };
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.append(input);
            }
            document.body.append(form);
            form.submit();
        }""",
        path,
    )
    pia.wait_for_url(re.compile(r"/answer/$"))
    expect(pia.get_by_role("heading", level=1)).to_have_text("You do not have access")
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS
