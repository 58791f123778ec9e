"""The demo content loads quickly and once, in five languages, linked as translations, and every story
can be published. The two newer articles and the interview guide are real texts, not placeholders. A
newcomer sees every state: the story in five languages, an item an organisation has published (with an
attachment) and a draft that only the owning municipality's staff see."""

import re
import time

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.accounts.models import User
from medvind.core.demo import load_demo as load_core_demo
from medvind.core.models import Organisation
from medvind.knowledge import selectors, services
from medvind.knowledge.demo import LANGUAGE_ORDER, load_demo, shared_item
from medvind.knowledge.demo_content import HANDBOOK, ORG_TIP, STORY
from medvind.knowledge.models import Item, ItemStatus, Kind

pytestmark = pytest.mark.django_db

LANGUAGES = {"da", "sv", "nb", "nn", "en"}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_demo_ships_published_articles_in_five_languages_linked_as_translations(client):
    load_core_demo()
    start = time.monotonic()
    load_demo()
    assert time.monotonic() - start < 5
    articles = Item.objects.filter(kind=Kind.ARTICLE)
    assert articles.count() == 30
    assert set(articles.values_list("language", flat=True)) == LANGUAGES
    drafts = Item.objects.exclude(status=ItemStatus.PUBLISHED)
    assert list(drafts.values_list("title", flat=True)) == [HANDBOOK[0]]  # the only draft
    assert not Item.objects.filter(organisation=None).exclude(status=ItemStatus.PUBLISHED).exists()
    newer = {
        shared_item(key, language).pk for key in ("experience", "representative") for language in LANGUAGES
    }
    for article in articles:
        words = len(article.body.split())
        low, high = (150, 300) if article.pk in newer else (250, 500)
        assert low <= words <= high, (article.title, words)
        assert article.easy_read_html
        assert Item.objects.filter(translation_group=article.translation_group).count() == 5
    assert Item.objects.filter(kind=Kind.TEMPLATE).count() == 10
    for story in Item.objects.filter(kind=Kind.STORY):
        assert story.media_type == "audio/wav" and story.transcript and story.captions.startswith("WEBVTT")
    found = [i.title for i in selectors.search(AnonymousUser(), query="brukarrådet", language="sv")]
    assert "Så förbereder du ett möte i brukarrådet" in found
    content = client.get(
        Item.objects.get(language="da", kind=Kind.ARTICLE, title__startswith="Hvad").get_absolute_url()
    )
    assert "svenska" in content.content.decode()
    count = Item.objects.count()
    load_demo()
    assert Item.objects.count() == count  # once


@pytest.mark.parametrize(
    ("key", "kind", "audience"),
    [
        ("experience", Kind.ARTICLE, "everyone"),
        ("representative", Kind.ARTICLE, "representatives"),
        ("interview", Kind.TEMPLATE, "auditors"),
    ],
)
def test_the_new_items_exist_in_five_languages_linked_as_translations(key, kind, audience):
    load_core_demo()
    load_demo()
    items = [shared_item(key, language) for language in LANGUAGE_ORDER]
    assert all(items), key
    assert {item.language for item in items} == LANGUAGES
    assert len({item.translation_group for item in items}) == 1 and items[0].translation_group
    assert Item.objects.filter(translation_group=items[0].translation_group).count() == 5
    for item in items:
        assert item.kind == kind and item.status == ItemStatus.PUBLISHED and item.organisation is None
        assert audience in item.audiences and item.tags
        assert item.summary and item.easy_read_html and item.body_html
        assert item.body != item.title and len(item.body.split()) >= 150
    if key == "interview":
        for item in items:
            questions = re.findall(r"^\d+\. ", item.body, flags=re.M)
            assert 8 <= len(questions) <= 10, (item.language, len(questions))
            assert "[" in item.body  # things to fill in


def story_of(language: str) -> Item:
    return Item.objects.get(organisation=None, kind=Kind.STORY, language=language, title=STORY[language][0])


def test_the_story_is_in_five_languages_linked_as_translations_with_transcript_and_captions(client):
    load_core_demo()
    load_demo()
    stories = {language: story_of(language) for language in LANGUAGE_ORDER}
    group = stories["sv"].translation_group
    assert group == stories["sv"].pk
    assert Item.objects.filter(translation_group=group).count() == 5
    assert Item.objects.filter(kind=Kind.STORY).count() == 5
    assert stories["da"].title.startswith("Annes historie") and stories["nn"].title.startswith("Anne si")
    for language, story in stories.items():
        assert story.translation_group == group and story.status == ItemStatus.PUBLISHED
        assert story.organisation is None and story.media_type == "audio/wav"
        assert not services.publish_problems(story)
        assert len(story.transcript.splitlines()) == 5 and "Ann" in story.transcript
        assert story.captions.startswith("WEBVTT") and story.captions.count(" --> ") == 3
        with story.media.open("rb") as media:
            assert media.read(4) == b"RIFF"
    page = client.get(stories["nb"].get_absolute_url()).content.decode()
    assert "<audio" in page and "Annas berättelse" not in page
    for other in ("dansk", "nynorsk", "svenska", "English"):
        assert other in page, other


def test_an_older_demo_gets_only_the_parts_it_lacks():
    load_core_demo()
    load_demo()
    Item.objects.filter(kind=Kind.STORY, language__in=["da", "nb", "nn"]).delete()
    Item.objects.filter(organisation__isnull=False).delete()
    count = Item.objects.count()
    load_demo()
    assert Item.objects.count() == count + 3 + 2
    group = story_of("sv").translation_group
    assert Item.objects.filter(translation_group=group).count() == 5
    count = Item.objects.count()
    load_demo()
    assert Item.objects.count() == count


def test_an_organisation_has_published_a_tip_with_an_attachment():
    load_core_demo()
    load_demo()
    brukarrost = Organisation.objects.get(name="Föreningen Brukarröst")
    tip = Item.objects.get(title=ORG_TIP[0])
    assert tip.organisation == brukarrost and tip.kind == Kind.TIP and tip.language == "sv"
    assert tip.status == ItemStatus.PUBLISHED and tip.published_at
    assert tip.created_by.email == "representative@demo.example"
    assert 150 <= len(tip.body.split()) <= 250
    assert tip.body_html and tip.easy_read_html and tip.summary
    assert tip.translation_group is None  # Swedish only
    attachment = tip.files.get()
    assert attachment.content_type == "application/pdf" and attachment.name.endswith(".pdf")
    with attachment.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert attachment.size > 0
    assert tip in selectors.visible_items(AnonymousUser())
    found = selectors.search(AnonymousUser(), query="föreningen", language="sv")
    assert tip in found


def test_the_draft_handbook_is_seen_only_by_the_municipality_staff(client):
    load_core_demo()
    load_demo()
    exempel = Organisation.objects.get(name="Exempelkommun")
    handbook = Item.objects.get(title=HANDBOOK[0])
    assert handbook.organisation == exempel and handbook.kind == Kind.HANDBOOK
    assert handbook.status == ItemStatus.DRAFT and handbook.published_at is None
    assert handbook.created_by.email == "facilitator@demo.example"
    outline = [line for line in handbook.body.splitlines() if line.strip()]
    assert 10 <= len(outline) <= 20
    assert "saknas" in handbook.body and "<ol>" in handbook.body_html
    assert not services.publish_problems(handbook)  # it could be published: the text says what is missing
    facilitator = User.objects.get(email="facilitator@demo.example")
    assert handbook in selectors.visible_items(facilitator)
    assert handbook not in selectors.visible_items(AnonymousUser())
    for email in ("representative@demo.example", "participant@demo.example", "deltager@demo.example"):
        assert handbook not in selectors.visible_items(User.objects.get(email=email)), email
    assert client.get(handbook.get_absolute_url()).status_code == 404
    client.force_login(facilitator)
    page = client.get(handbook.get_absolute_url()).content.decode()
    assert HANDBOOK[0] in page.replace("&amp;", "&")
    assert "Det här saknas innan vi publicerar" in page
