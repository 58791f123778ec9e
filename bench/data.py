"""Benchmark data: the demo, then (on request) a larger generated data set written with bulk_create.

    python bench/data.py targets   # print the pages to measure, as JSON
    python bench/data.py scale     # add the large data set, then print the pages to measure

The pages measured are the demo's own organisation and space; the scale step piles members, units
and spaces onto exactly those two, so a figure that drops between the two sizes shows a page that
slows with data. Needs DJANGO_SETTINGS_MODULE and a migrated database holding the demo.
"""

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from medvind.accounts.models import User  # noqa: E402
from medvind.core.models import (  # noqa: E402
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)

USERS = 5_000
ORGANISATIONS = 2_000
SPACES = 5_000
SPACE_MEMBERSHIPS = 20_000
ORGANISATION_MEMBERSHIPS = 5_000
# How much of it lands on the measured organisation and space.
TARGET_UNITS = 120
TARGET_SPACES = 300
TARGET_SPACE_MEMBERS = 1_000
TARGET_FACILITATORS = 30
TARGET_ORGANISATION_MEMBERS = 1_000
BATCH = 1_000
MARKER_SLUG = "bench-org-00000"

LANGUAGE_OF = {"SE": "sv", "DK": "da", "NO": "nb"}
ORG_WORDS = ["Norrby", "Västerå", "Sjöbacka", "Lindhaven", "Fjellstad", "Bjørkvik", "Åsen", "Strandby"]
KIND_WEIGHTS = {
    Organisation.Kind.MUNICIPALITY: 10,
    Organisation.Kind.REGION: 5,
    Organisation.Kind.SERVICE: 50,
    Organisation.Kind.USER_ORGANISATION: 20,
    Organisation.Kind.NGO: 10,
    Organisation.Kind.SYSTEM_OWNER: 5,
}
SPACE_WORDS = ["Brukarråd", "Utvecklingsgrupp", "Brukerråd", "Workshop", "Brukarrevision", "Samskabelse"]


def target_objects() -> tuple[Organisation, Space]:
    """The demo's municipality and its joint development group (with fallbacks if the demo changes)."""
    organisation = (
        Organisation.objects.filter(slug="exempelkommun").first()
        or Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).order_by("pk").first()
    )
    if organisation is None:
        raise SystemExit("No organisation to measure: load the demo first.")
    space = (
        Space.objects.filter(organisations=organisation, visibility=Space.Visibility.PUBLIC)
        .order_by("created_at", "pk")
        .first()
    )
    if space is None:
        raise SystemExit(f"No public space of {organisation.slug} to measure.")
    return organisation, space


def targets() -> dict[str, object]:
    organisation, space = target_objects()
    prefix = f"/{settings.LANGUAGE_CODE}"
    counts = {
        "organisations": Organisation.objects.count(),
        "spaces": Space.objects.count(),
        "space_memberships": SpaceMembership.objects.count(),
        "organisation_memberships": OrganisationMembership.objects.count(),
        "users": User.objects.count(),
        "space_members_of_target": space.memberships.count(),
        "organisation_members_of_target": organisation.memberships.count(),
    }
    return {
        "paths": {
            "home": f"{prefix}/",
            "spaces": f"{prefix}/spaces/",
            "space": f"{prefix}/spaces/{space.slug}/",
            "organisations": f"{prefix}/organisations/",
            "organisation": f"{prefix}/organisations/{organisation.slug}/",
        },
        "counts": counts,
    }


def _unique_pairs(rng: random.Random, left: list[int], right: list[int], n: int, taken: set) -> list:
    pairs: list[tuple[int, int]] = []
    while len(pairs) < n:
        pair = (rng.choice(left), rng.choice(right))
        if pair not in taken:
            taken.add(pair)
            pairs.append(pair)
    return pairs


@transaction.atomic
def scale(seed: int = 2) -> bool:
    """Add the large data set once. Returns False if it is already there."""
    if Organisation.objects.filter(slug=MARKER_SLUG).exists():
        return False
    rng = random.Random(seed)
    target_org, target_space = target_objects()
    languages = [code for code, _name in settings.LANGUAGES]

    User.objects.bulk_create(
        [
            User(
                email=f"bench-{i:05d}@bench.example",
                display_name=f"Deltagare {i}",
                language=rng.choice(languages),
                password="!",  # unusable: nobody signs in as these people
            )
            for i in range(USERS)
        ],
        batch_size=BATCH,
    )
    user_ids = list(User.objects.filter(email__endswith="@bench.example").values_list("pk", flat=True))

    # Municipalities and regions first, so that services can belong to them.
    kinds = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=ORGANISATIONS)
    kinds[:TARGET_UNITS] = [Organisation.Kind.SERVICE] * TARGET_UNITS
    countries = [target_org.country] * TARGET_UNITS + rng.choices(
        list(LANGUAGE_OF), k=ORGANISATIONS - TARGET_UNITS
    )
    top_level = (Organisation.Kind.MUNICIPALITY, Organisation.Kind.REGION)

    def organisation(i: int, parent_id: int | None = None) -> Organisation:
        return Organisation(
            name=f"{rng.choice(ORG_WORDS)} {kinds[i].label} {i}",
            slug=f"bench-org-{i:05d}",
            kind=kinds[i],
            country=countries[i],
            language=LANGUAGE_OF[countries[i]],
            parent_id=parent_id,
            description="Genererad organisation för prestandamätning.",
        )

    Organisation.objects.bulk_create(
        [organisation(i) for i in range(ORGANISATIONS) if kinds[i] in top_level], batch_size=BATCH
    )
    parent_ids = list(Organisation.objects.filter(slug__startswith="bench-org-").values_list("pk", flat=True))
    rest = []
    for i in range(ORGANISATIONS):
        if kinds[i] in top_level:
            continue
        parent_id = None
        if kinds[i] == Organisation.Kind.SERVICE:
            parent_id = target_org.pk if i < TARGET_UNITS else rng.choice(parent_ids)
        rest.append(organisation(i, parent_id))
    Organisation.objects.bulk_create(rest, batch_size=BATCH)
    org_ids = list(Organisation.objects.filter(slug__startswith="bench-org-").values_list("pk", flat=True))

    space_kinds = list(Space.Kind.values)
    Space.objects.bulk_create(
        [
            Space(
                title=f"{rng.choice(SPACE_WORDS)} {i}",
                slug=f"bench-space-{i:05d}",
                kind=rng.choice(space_kinds),
                visibility=Space.Visibility.PUBLIC if rng.random() < 0.8 else Space.Visibility.MEMBERS,
                join_policy=rng.choice(list(Space.JoinPolicy.values)),
                language=rng.choice(languages),
                summary="Ett genererat rum för prestandamätning.",
                description="Genererad beskrivning.\n\nMed två stycken.",
                created_by_id=rng.choice(user_ids),
            )
            for i in range(SPACES)
        ],
        batch_size=BATCH,
    )
    space_ids = list(Space.objects.filter(slug__startswith="bench-space-").values_list("pk", flat=True))

    Owner = Space.organisations.through
    owners = {
        (space_id, org_id) for space_id in space_ids for org_id in rng.sample(org_ids, rng.randint(1, 2))
    }
    owners |= {(space_id, target_org.pk) for space_id in rng.sample(space_ids, TARGET_SPACES)}
    Owner.objects.bulk_create(
        [Owner(space_id=s, organisation_id=o) for s, o in sorted(owners)], batch_size=BATCH
    )

    taken = set(SpaceMembership.objects.values_list("space_id", "user_id"))
    target_members = [
        (target_space.pk, u)
        for u in rng.sample(user_ids, TARGET_SPACE_MEMBERS)
        if (target_space.pk, u) not in taken
    ]
    taken |= set(target_members)
    pairs = target_members + _unique_pairs(
        rng, space_ids, user_ids, SPACE_MEMBERSHIPS - len(target_members), taken
    )
    roles = SpaceMembership.Role
    SpaceMembership.objects.bulk_create(
        [
            SpaceMembership(
                space_id=s,
                user_id=u,
                role=roles.FACILITATOR
                if n < TARGET_FACILITATORS
                else rng.choice([roles.MEMBER] * 8 + [roles.RESPONDER]),
            )
            for n, (s, u) in enumerate(pairs)
        ],
        batch_size=BATCH,
    )

    taken = set(OrganisationMembership.objects.values_list("organisation_id", "user_id"))
    target_org_members = [
        (target_org.pk, u)
        for u in rng.sample(user_ids, TARGET_ORGANISATION_MEMBERS)
        if (target_org.pk, u) not in taken
    ]
    taken |= set(target_org_members)
    pairs = target_org_members + _unique_pairs(
        rng, org_ids, user_ids, ORGANISATION_MEMBERSHIPS - len(target_org_members), taken
    )
    org_roles = OrganisationMembership.Role
    OrganisationMembership.objects.bulk_create(
        [
            OrganisationMembership(
                organisation_id=o,
                user_id=u,
                role=rng.choice([org_roles.MEMBER] * 6 + [org_roles.STAFF] * 3 + [org_roles.ADMIN]),
            )
            for o, u in pairs
        ],
        batch_size=BATCH,
    )
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "targets"
    if command == "scale":
        started = time.monotonic()
        created = scale()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # fold the bulk writes into the database file
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        note = "generated" if created else "already present"
        print(f"large data set {note} in {time.monotonic() - started:.1f} s", file=sys.stderr)
    elif command != "targets":
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(targets()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
