"""Search in the item's own language: inflected forms find the item, on SQLite and on PostgreSQL."""

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.knowledge import selectors, stemming
from medvind.knowledge.models import Kind

from .conftest import make_item

pytestmark = pytest.mark.django_db


def titles(world_or_user, **filters) -> list[str]:
    return [item.title for item in selectors.search(world_or_user, **filters)]


@pytest.fixture
def bank(world):
    make_item(
        world,
        title="Brukarråd i Exempelkommun",
        language="sv",
        body="Så arbetar ett brukarråd.",
        tags=["brukarråd"],
        audiences=["representatives"],
    )
    make_item(
        world,
        title="Forbered et møde",
        language="da",
        body="Hvordan man forbereder et møde i brugerrådet.",
        kind=Kind.TIP,
        tags=["møde"],
        audiences=["staff"],
    )
    make_item(
        world, title="Korleis skrive lettlest", language="nn", body="Skriv korte setningar og vanlege ord."
    )
    make_item(
        world, title="What is user participation?", language="en", body="Participants shape the services."
    )
    make_item(world, title="Utkast om brukarråd", language="sv", publish=False)


def test_a_swedish_inflected_form_finds_the_item(bank):
    assert titles(AnonymousUser(), query="brukarrådet") == ["Brukarråd i Exempelkommun"]
    assert titles(AnonymousUser(), query="brukarråden") == ["Brukarråd i Exempelkommun"]


def test_a_danish_inflected_form_finds_the_item(bank):
    assert titles(AnonymousUser(), query="møderne") == ["Forbered et møde"]


def test_english_and_nynorsk_forms_are_found(bank):
    assert titles(AnonymousUser(), query="participants") == ["What is user participation?"]
    assert titles(AnonymousUser(), query="setning") == ["Korleis skrive lettlest"]


def test_all_words_must_match(bank):
    assert titles(AnonymousUser(), query="brukarråd Exempelkommun") == ["Brukarråd i Exempelkommun"]
    assert titles(AnonymousUser(), query="brukarråd zebra") == []


def test_drafts_are_found_only_by_their_writers(world, bank):
    assert "Utkast om brukarråd" not in titles(world["participant"], query="brukarråd")
    assert "Utkast om brukarråd" in titles(world["staff"], query="brukarråd")


def test_filters_by_kind_audience_language_and_tag(bank):
    anyone = AnonymousUser()
    assert titles(anyone, kind=Kind.TIP) == ["Forbered et møde"]
    assert titles(anyone, audience="representatives") == ["Brukarråd i Exempelkommun"]
    assert titles(anyone, language="nn") == ["Korleis skrive lettlest"]
    assert titles(anyone, tag="møde") == ["Forbered et møde"]


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", "' OR 1=1 --", "%", "_", "\\", "møde & | ! :*", "a" * 200, "   ", "!!!"],
)
def test_hostile_search_strings_find_nothing_odd_and_do_not_fail(bank, query):
    found = titles(AnonymousUser(), query=query)
    assert "Utkast om brukarråd" not in found
    if not stemming.words(query):
        assert len(found) == 4  # no words: everything published
    elif "møde" not in query:
        assert found == []


def test_on_postgresql_a_match_in_the_title_ranks_first(world):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("ranking is PostgreSQL's; SQLite lists the newest first")
    make_item(world, title="Om mötena", language="sv", body="Vi pratar om brukarråd ibland.")
    make_item(world, title="Brukarrådet i Exempelkommun", language="sv", body="Ett möte i månaden.")
    assert titles(AnonymousUser(), query="brukarråden")[0] == "Brukarrådet i Exempelkommun"


def test_an_item_is_found_again_after_it_is_changed(world, article):
    from medvind.knowledge import services

    assert titles(AnonymousUser(), query="intervjuerna") == []
    services.item_update(actor=world["org_admin"], item=article, body="Om intervjuer i brukarrevisionen.")
    assert titles(AnonymousUser(), query="intervjuerna") == ["Hur ett brukarråd fungerar"]
    assert titles(AnonymousUser(), query="fyra gånger") == []


def test_reindexing_rebuilds_the_stored_stems(world, article):
    from medvind.knowledge import services
    from medvind.knowledge.models import Item

    Item.objects.update(index_text="", search_vector=None)
    assert titles(AnonymousUser(), query="brukarrådet") == []
    assert services.items_reindex() == 1
    assert titles(AnonymousUser(), query="brukarrådet") == ["Hur ett brukarråd fungerar"]
