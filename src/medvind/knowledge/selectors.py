"""Every read of the knowledge bank used by the views: visibility is decided here."""

from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

from medvind.core.models import OrganisationMembership

from . import stemming
from .models import Item, ItemStatus

MAX_QUERY_WORDS = 8


def visible_items(viewer: Any) -> QuerySet[Item]:
    """Published items, and the drafts the viewer may change."""
    items = Item.objects.select_related("organisation").defer("search_vector", "index_text")
    if viewer.is_authenticated and viewer.is_superuser:
        return items
    visible = Q(status=ItemStatus.PUBLISHED)
    if viewer.is_authenticated:
        visible |= Q(organisation__in=writable_organisations(viewer))
    return items.filter(visible)


def _text_search(items: QuerySet[Item], query: str) -> QuerySet[Item]:
    words = stemming.words(query)[:MAX_QUERY_WORDS]
    if not words:
        return items
    if connection.vendor == "postgresql":
        text = " ".join(words)
        configs = sorted(set(stemming.STEMMER_LANGUAGE.values()))
        search: Any = SearchQuery(text, config=configs[0], search_type="plain")
        for config in configs[1:]:
            search |= SearchQuery(text, config=config, search_type="plain")
        for language in configs:  # the stems that services._reindex stores in the `simple` configuration
            stems = " ".join(stemming.stem(word, language) for word in words)
            search |= SearchQuery(stems, config="simple", search_type="plain")
        return (
            items.filter(search_vector=search)
            .annotate(rank=SearchRank(F("search_vector"), search))
            .order_by("-rank", "-published_at", "-pk")
        )
    # SQLite: stem the query in each item language and match whole stems in the stored stems.
    matches = Q(pk__in=[])
    for code, language in stemming.STEMMER_LANGUAGE.items():
        condition = Q(language=code)
        for word in words:
            condition &= Q(index_text__contains=f" {stemming.stem(word, language)} ")
        matches |= condition
    return items.filter(matches)


def search(
    viewer: Any, *, query: str = "", kind: str = "", audience: str = "", language: str = "", tag: str = ""
) -> QuerySet[Item]:
    items = visible_items(viewer).order_by("-published_at", "-pk")
    if kind:
        items = items.filter(kind=kind)
    if language:
        items = items.filter(language=language)
    if audience:
        items = items.filter(index_text__contains=f" @{audience} ")
    if tag:
        items = items.filter(index_text__contains=f" #{tag} ")
    return _text_search(items, query)


def item_get(viewer: Any, slug: str) -> Item:
    """The item, or Item.DoesNotExist when the viewer may not see it (a draft stays hidden)."""
    return visible_items(viewer).get(slug=slug)


def translations(viewer: Any, item: Item) -> list[Item]:
    if item.translation_group is None:
        return []
    return list(
        visible_items(viewer)
        .filter(translation_group=item.translation_group)
        .exclude(pk=item.pk)
        .order_by("language")
        .select_related(None)
        .only("slug", "title", "language", "status")
    )


def files(item: Item) -> list[Any]:
    return list(item.files.order_by("created_at", "pk"))


def writable_organisations(viewer: Any) -> QuerySet[Any]:
    from medvind.core.models import Organisation

    return (
        Organisation.objects.filter(
            memberships__user=viewer,
            memberships__role__in=[OrganisationMembership.Role.ADMIN, OrganisationMembership.Role.STAFF],
        )
        .order_by("name")
        .distinct()
    )
