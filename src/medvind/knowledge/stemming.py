"""Word stems for the search on SQLite (and as an extra on PostgreSQL): a small suffix stripper with the
Snowball suffix lists for Danish, Swedish, Norwegian and English.

The stems are stored (`Item.index_text`), so the query must be stemmed exactly as the text was: this
module is deliberately self-contained and does not switch to snowballstemmer when that happens to be
installed (which would change the stems of new queries but not of stored items)."""

import re
from collections.abc import Iterable

# The language of an item -> the stemmer (and PostgreSQL configuration) for it.
STEMMER_LANGUAGE = {"da": "danish", "sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}

_SUFFIXES = {
    "swedish": "heterna hetens arnas ernas ornas andes arens heten heter anden andet arna erna orna "
    "ande arne aste aren ades erns ets ade are ern ens het ast ad en ar er or as es at et a e s",
    "danish": "erendes erende hedens ethed erede heden heder endes ernes erens erets ered ende erne "
    "eres ered enes eret ere ens ers ets hed ene en er es et e s",
    "norwegian": "hetenes hetene hetens heten heter endes edes enes ande ende edes ane ene ens ers "
    "ets het ast ede en ar er as es et a e s",
    "english": "ingly ations ation ings edly ing ies ed es ly s",
}
_SORTED = {lang: sorted(words.split(), key=len, reverse=True) for lang, words in _SUFFIXES.items()}
MIN_STEM = 3
WORD = re.compile(r"\w+", re.UNICODE)


def _strip(word: str, language: str) -> str:
    for suffix in _SORTED[language]:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def stem(word: str, language: str) -> str:
    return _strip(word.casefold(), language)


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
