"""The knowledge bank in a browser, in Swedish and Danish: search finds an item by an inflected word form,
and a digital story plays in the browser's own player with its captions track and transcript on the page.
Every page passes axe-core (the `new_page` fixture checks each one)."""

import re

import pytest
from django.utils import translation

from medvind.knowledge.demo import load_demo as load_knowledge_demo

from .helpers import expect

pytestmark = pytest.mark.e2e


def seen(language: str, text: str) -> str:
    """What a person sees for an English text in a language (English until it is translated)."""
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def knowledge(demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_knowledge_demo()


def search_field(page, language: str):
    """The search field: its label is "Search", followed by "(optional)"."""
    return page.get_by_role("textbox", name=re.compile("^" + re.escape(seen(language, "Search")) + r"\b"))


def search(page, language: str, words: str) -> None:
    page.goto(f"/{language}/knowledge/")
    search_field(page, language).fill(words)
    page.get_by_role("button", name=seen(language, "Search"), exact=True).click()
    page.wait_for_url(re.compile(r"\?q="))
    expect(search_field(page, language)).to_have_value(words)


def test_search_finds_an_item_by_an_inflected_word_form_in_swedish(new_page, knowledge):
    page = new_page()
    search(page, "sv", "brukarrådet")
    results = page.get_by_role("list").filter(has=page.get_by_role("heading"))
    expect(results.get_by_role("link", name="Så förbereder du ett möte i brukarrådet")).to_be_visible()
    expect(page.get_by_role("link", name="How to prepare for a user council meeting")).to_have_count(0)
    expect(search_field(page, "sv")).to_have_value("brukarrådet")


def test_search_finds_an_item_by_an_inflected_word_form_in_danish(new_page, knowledge):
    page = new_page()
    search(page, "da", "møderne")
    expect(page.get_by_role("link", name="Sådan forbereder du et møde i brugerrådet")).to_be_visible()
    page.get_by_role("link", name="Sådan forbereder du et møde i brugerrådet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sådan forbereder du et møde i brugerrådet")
    also = page.get_by_text(seen("da", "Also in:"))
    expect(also.get_by_role("link", name="svenska")).to_be_visible()
    also.get_by_role("link", name="svenska").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Så förbereder du ett möte i brukarrådet")


def test_a_story_opens_with_its_player_captions_track_and_transcript(new_page, knowledge):
    page = new_page()
    search(page, "sv", "berättelse")
    page.get_by_role("link", name=re.compile("^Annas berättelse")).click()
    player = page.locator("audio[controls]")
    expect(player).to_be_visible()
    track = player.locator("track[kind=captions]")
    expect(track).to_have_attribute("srclang", "sv")
    transcript = page.get_by_role("region", name=seen("sv", "Transcript"))
    expect(transcript).to_contain_text("min erfarenhet av boendestödet")
    captions = page.request.get(track.get_attribute("src"))
    assert captions.headers["content-type"].startswith("text/vtt")
    assert captions.text().startswith("WEBVTT")
    media = page.request.get(player.get_attribute("src"))
    assert media.headers["content-type"] == "audio/wav"
    page.get_by_role("link", name=seen("sv", "Print version")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("^Annas berättelse"))
    expect(page.get_by_role("navigation")).to_have_count(0)


def test_staff_write_a_story_are_stopped_without_transcript_and_publish_it(new_page, knowledge):
    from medvind.knowledge.demo import silent_wav

    from .proposals_helpers import sign_in_at

    page = new_page()
    sign_in_at(page, "facilitator@demo.example", "/en/knowledge/new/")
    page.get_by_label("Kind").select_option(label="Digital story")
    page.get_by_label("Title").fill("Pias berättelse om boendestödet")
    page.get_by_label("Language").select_option("sv")
    page.get_by_label("User representatives").check()
    page.get_by_label("Video or audio file").set_input_files(
        files=[{"name": "pia.mp3", "mimeType": "audio/mpeg", "buffer": b"<script>alert(1)</script>"}]
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("is not a video or audio file")
    expect(page.get_by_label("Title")).to_have_value("Pias berättelse om boendestödet")
    page.get_by_label("Video or audio file").set_input_files(
        files=[{"name": "pia.wav", "mimeType": "audio/wav", "buffer": silent_wav(1)}]
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The item is saved as a draft.")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_contain_text("cannot be published without a full transcript")
    page.get_by_role("link", name="Change the item").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the item")
    page.get_by_label("Transcript").fill(
        "Pia: Boendestödet kommer på tisdagar. Jag vill att de kommer på kvällen också."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text("The item is saved.")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status")).to_have_text("The item is published. Everyone can see it.")
    expect(page.locator("audio[controls]")).to_be_visible()
    expect(page.get_by_role("region", name="Transcript")).to_contain_text("på kvällen också")
