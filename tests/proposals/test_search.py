"""Full-text search and similar proposals: stemming per language on PostgreSQL, substrings on SQLite."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from medvind.proposals import selectors
from medvind.proposals.models import Proposal
from tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def found(space, text: str) -> list[str]:
    return sorted(p.title for p in selectors.proposal_list(AnonymousUser(), space, q=text))


@pytest.fixture
def texts(world):
    space = world.public
    for title, body, language in [
        ("Mer personal på boendet", "Vi behöver fler som arbetar kvällar.", "sv"),
        ("Bedre hjemmehjælp", "Hjælperne skal have mere tid til borgerne.", "da"),
        ("Lengre åpningstider", "Dagsenteret bør være åpent om helgene.", "nb"),
        ("Ramps at the day centres", "Wheelchairs cannot get in.", "en"),
        ("Benches in the park", "Older people need to rest while walking.", "en"),
        ("Mer hemtjänst", "Fler besök i veckan.", "sv"),
    ]:
        ProposalFactory(space=space, title=title, body=body, language=language)
    ProposalFactory(space=world.members_only, title="Boendet i hemlighet", language="sv")
    return space


# (query, what PostgreSQL finds by stemming in the proposal's language, what SQLite finds by substring)
BOENDET = "Mer personal på boendet"
CASES = [
    ("boende", [BOENDET], [BOENDET]),  # Swedish: boende / boendet
    ("boendets", [BOENDET], []),
    ("hemtjänsten", ["Mer hemtjänst"], []),  # Swedish definite form: Snowball keeps it whole
    ("hjælper", ["Bedre hjemmehjælp"], ["Bedre hjemmehjælp"]),  # Danish: hjælperne / hjælper
    ("helg", ["Lengre åpningstider"], ["Lengre åpningstider"]),  # Norwegian: helgene / helg
    ("centre", ["Ramps at the day centres"], ["Ramps at the day centres"]),  # English: centres / centre
    ("walks", ["Benches in the park"], []),  # walking / walks
    ("ark", [], ["Benches in the park"]),  # only a substring of "park"
]


@pytest.mark.parametrize(("query", "on_postgres", "on_sqlite"), CASES, ids=[c[0] for c in CASES])
def test_search_stems_in_the_proposals_language_on_postgres_and_finds_substrings_on_sqlite(
    texts, query, on_postgres, on_sqlite
):
    assert found(texts, query) == (on_postgres if POSTGRES else on_sqlite)


def test_searching_boendet_finds_a_proposal_about_boende_on_postgres(world):
    ProposalFactory(space=world.public, title="Boende för äldre", body="Trygghet på natten.", language="sv")
    # SQLite's fallback matches substrings only, and "boendet" is longer than "boende".
    assert found(world.public, "boendet") == (["Boende för äldre"] if POSTGRES else [])
    assert found(world.public, "boende") == ["Boende för äldre"]


def test_every_word_of_the_search_must_match(texts):
    assert found(texts, "benches rest") == ["Benches in the park"]
    assert found(texts, "benches wheelchairs") == []


def test_search_never_shows_proposals_of_another_space(texts):
    assert "Boendet i hemlighet" not in found(texts, "boendet")


def test_short_words_and_punctuation_do_not_filter_the_list(texts):
    assert len(found(texts, "a ! ?")) == 6


@pytest.mark.parametrize(
    "text", ["'); DROP TABLE proposals_proposal; --", "a & b | !c <-> d:*", "\\", "%_%", "park & | !! ("]
)
def test_search_syntax_in_the_query_is_just_text(texts, text):
    found(texts, text)
    selectors.similar_proposals(texts, text)
    assert Proposal.objects.count() == 7


def test_similar_returns_related_titles_best_first(world):
    space = world.public
    for title, supports in [
        ("Benches in the park", 3),
        ("More benches near the library", 9),
        ("Park lighting at night", 1),
        ("Bicycle racks", 20),
    ]:
        ProposalFactory(space=space, title=title, support_count=supports)
    titles = [p.title for p in selectors.similar_proposals(space, "New benches in the park")]
    # PostgreSQL ranks by how well the words match; SQLite's fallback by the number of supporters.
    assert titles[0] == ("Benches in the park" if POSTGRES else "More benches near the library")
    assert set(titles) == {"Benches in the park", "More benches near the library", "Park lighting at night"}


def test_similar_leaves_out_hidden_and_merged_proposals_and_other_spaces(world):
    into = ProposalFactory(space=world.public, title="Benches in the park")
    ProposalFactory(space=world.public, title="Benches hidden", hidden_reason="Spam")
    ProposalFactory(space=world.public, title="Benches merged", merged_into=into)
    ProposalFactory(space=world.members_only, title="Benches secret")
    assert [p.title for p in selectors.similar_proposals(world.public, "benches")] == ["Benches in the park"]


def test_similar_shows_at_most_five(world):
    for i in range(8):
        ProposalFactory(space=world.public, title=f"Benches number {i}")
    assert len(selectors.similar_proposals(world.public, "benches")) == 5


def test_similar_needs_a_word_of_three_letters(world):
    ProposalFactory(space=world.public, title="An idea")
    assert selectors.similar_proposals(world.public, "an") == []
    assert selectors.similar_proposals(world.public, "") == []


def test_search_follows_changes_and_ignores_case_in_nordic_letters(world):
    proposal = ProposalFactory(space=world.public, title="Ökad trygghet", body="Mer personal.", language="sv")
    assert found(world.public, "ÖKAD") == ["Ökad trygghet"]
    Proposal.objects.filter(pk=proposal.pk).update(title="Lättläst information")
    proposal.refresh_from_db()
    if POSTGRES:
        from medvind.proposals import search

        search.index(proposal)
    assert found(world.public, "ökad") == []
    assert found(world.public, "LÄTTLÄST") == ["Lättläst information"]
    proposal.delete()
    assert found(world.public, "lättläst") == []
