"""The demo content loads quickly, in five languages, linked as translations, and every story can be published."""

import time

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.core.demo import load_demo as load_core_demo
from medvind.knowledge import selectors
from medvind.knowledge.demo import load_demo
from medvind.knowledge.models import Item, ItemStatus, Kind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_demo_ships_published_articles_in_five_languages_linked_as_translations(client):
    load_core_demo()
    start = time.monotonic()
    load_demo()
    assert time.monotonic() - start < 5
    articles = Item.objects.filter(kind=Kind.ARTICLE)
    assert articles.count() == 20
    assert set(articles.values_list("language", flat=True)) == {"da", "sv", "nb", "nn", "en"}
    assert not Item.objects.exclude(status=ItemStatus.PUBLISHED).exists()
    for article in articles:
        words = len(article.body.split())
        assert 250 <= words <= 500, (article.title, words)
        assert article.easy_read_html
        assert Item.objects.filter(translation_group=article.translation_group).count() == 5
    story = Item.objects.get(kind=Kind.STORY, language="sv")
    assert story.media_type == "audio/wav" and story.transcript and story.captions.startswith("WEBVTT")
    found = [i.title for i in selectors.search(AnonymousUser(), query="brukarrådet", language="sv")]
    assert "Så förbereder du ett möte i brukarrådet" in found
    content = client.get(
        Item.objects.get(language="da", kind=Kind.ARTICLE, title__startswith="Hvad").get_absolute_url()
    )
    assert "svenska" in content.content.decode()
