"""The demo content loads quickly and once, in five languages, linked as translations, and every story
can be published. The two newer articles and the interview guide are real texts, not placeholders."""

import re
import time

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.core.demo import load_demo as load_core_demo
from medvind.knowledge import selectors
from medvind.knowledge.demo import LANGUAGE_ORDER, load_demo, shared_item
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
    assert not Item.objects.exclude(status=ItemStatus.PUBLISHED).exists()
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
    story = Item.objects.get(kind=Kind.STORY, language="sv")
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
