"""Word stems for the search on SQLite (and as an extra on PostgreSQL), from the Snowball stemmers of
`snowballstemmer` for Danish, Swedish, Norwegian and English.

The stems are stored (`Item.index_text`), so a query must be stemmed by the same stemmer as the text was.
The version is pinned in uv.lock; after changing it, re-save the items (`services.items_reindex`, which
migration 0003 ran)."""

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# The language of an item -> the stemmer (and PostgreSQL configuration) for it.
STEMMER_LANGUAGE = {"da": "danish", "sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}
WORD = re.compile(r"\w+", re.UNICODE)

# A Snowball stemmer keeps state while it works, so each thread has its own.
_local = threading.local()


def _stemmer(language: str) -> snowballstemmer.stemmer:
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


@lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word.casefold())


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.casefold()) if not w.isdigit() or len(w) > 1][:5000]


def stems(text: str, language_code: str) -> list[str]:
    language = STEMMER_LANGUAGE.get(language_code, "english")
    return [stem(w, language) for w in words(text)]


def index_text(parts: Iterable[str], language_code: str, *, tags: list[str], audiences: list[str]) -> str:
    """Space-separated stems, tags (#tag) and audiences (@audience), with a space on each side, so a
    whole stem is found with `contains=" stem "`."""
    tokens = set()
    for part in parts:
        tokens.update(stems(part, language_code))
    tokens.update(f"#{tag}" for tag in tags)
    tokens.update(f"@{audience}" for audience in audiences)
    return " " + " ".join(sorted(tokens)) + " "
