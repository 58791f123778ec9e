"""Full-text search and similar proposals.

PostgreSQL: a stored tsvector per proposal, built with the text search configuration of the proposal's
language, and a GIN index (migration 0002). SQLite: any part of a word, through an FTS5 index of
trigrams (migration 0005), case-insensitive."""

import re
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.expressions import RawSQL

from .models import Proposal

CONFIGS = {"da": "danish", "sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}
WORD = re.compile(r"\w{3,}", re.UNICODE)
SIMILAR_CANDIDATES = 200  # matches ranked by similar(); see there


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def vector_for(language: str) -> Any:
    config = CONFIGS.get(language, "simple")
    return SearchVector("title", weight="A", config=config) + SearchVector("body", weight="B", config=config)


def index(proposal: Proposal) -> None:
    if uses_postgres():
        Proposal.objects.filter(pk=proposal.pk).update(search_vector=vector_for(proposal.language))


def words(text: str, limit: int = 8) -> list[str]:
    seen: list[str] = []
    for word in WORD.findall(text.lower()):
        if word not in seen:
            seen.append(word)
    return seen[:limit]


def _term(word: str) -> str:
    """A word of the query; a long one also as a prefix without its last two letters. Snowball's Swedish
    stemmer keeps definite forms whole ("boendet", "hemtjänsten"), so they would not find "boende" or
    "hemtjänst". Words are \\w only (see WORD), so they cannot carry tsquery syntax."""
    return f"({word} | {word[:-2]}:*)" if len(word) >= 6 else word


def _query(text: str, *, any_word: bool) -> Any:
    terms = words(text)
    if not terms:
        return None
    raw = (" | " if any_word else " & ").join(_term(term) for term in terms)
    query = None
    for config in sorted(set(CONFIGS.values())):
        part = SearchQuery(raw, config=config, search_type="raw")
        query = part if query is None else query | part
    return query


def search(proposals: QuerySet[Proposal], text: str) -> QuerySet[Proposal]:
    terms = words(text)
    if not terms:
        return proposals
    if uses_postgres():
        return proposals.filter(search_vector=_query(text, any_word=False))
    return proposals.filter(pk__in=_trigram_matches(" AND ".join(f'"{term}"' for term in terms)))


def similar(proposals: QuerySet[Proposal], title: str, limit: int = 5) -> QuerySet[Proposal]:
    """Proposals whose title shares words with what someone is writing: fast enough to run while typing."""
    terms = sorted(words(title), key=len, reverse=True)[:3]
    if not terms:
        return proposals.none()
    if uses_postgres():
        query = _query(" ".join(terms), any_word=True)
        # A common word matches a large share of a big space (a fifth of the 100,000 in bench/), and
        # reading and ranking every match took a quarter of a second: rank the first SIMILAR_CANDIDATES
        # matches only. Rare words are still found through the GIN index at once.
        candidates = proposals.filter(search_vector=query).order_by().values("pk")[:SIMILAR_CANDIDATES]
        return (
            proposals.filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-support_count")[:limit]
        )
    matches = "{title} : (" + " OR ".join(f'"{term}"' for term in terms) + ")"
    found = _trigram_matches(matches, SIMILAR_CANDIDATES)  # the first ones only, as on PostgreSQL
    return proposals.filter(pk__in=found).order_by("-support_count", "-id")[:limit]


def _trigram_matches(expression: str, limit: int = -1) -> RawSQL:
    """Ids of the proposals that match an FTS5 expression (SQLite). The terms are words of three or more
    letters (WORD) in double quotes, so they carry no query syntax; each matches any part of a word."""
    return RawSQL(
        "SELECT rowid FROM proposals_proposal_fts WHERE proposals_proposal_fts MATCH %s LIMIT %s",
        (expression, limit),
    )
