"""Shared fixtures for the non-browser suite. Browser fixtures live in tests/e2e/conftest.py."""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import translation

from medvind.core.models import Organisation, OrganisationMembership, Space, SpaceMembership
from tests.factories import (
    AdminFactory,
    OrganisationFactory,
    OrganisationMembershipFactory,
    SpaceFactory,
    SpaceMembershipFactory,
    UserFactory,
)

ROLES = [
    "anonymous",
    "participant",
    "member",
    "representative",
    "responder",
    "facilitator",
    "org_admin",
    "staff",
    "platform_admin",
]


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Code in a test runs in English unless it says otherwise; requests choose their own language."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@dataclass
class World:
    """One owner organisation with a public and a members-only space, and a person for every role.

    Space roles (member, representative, responder, facilitator) hold that role in both spaces;
    org_admin and staff belong to the owner organisation and to no space."""

    owner: Organisation
    user_organisation: Organisation
    public: Space
    members_only: Space
    people: dict = field(default_factory=dict)

    def __getitem__(self, role: str):
        return self.people[role]


@pytest.fixture
def world(db) -> World:
    owner = OrganisationFactory(name="Exampletown", slug="exampletown", language="sv")
    user_organisation = OrganisationFactory(
        name="Users' Voice", slug="users-voice", kind=Organisation.Kind.USER_ORGANISATION
    )
    public = SpaceFactory(title="Open Forum", slug="open-forum", organisations=[owner])
    members_only = SpaceFactory(
        title="Secret Audit",
        slug="secret-audit",
        kind=Space.Kind.AUDIT,
        visibility=Space.Visibility.MEMBERS,
        organisations=[owner],
    )
    people = {
        "anonymous": AnonymousUser(),
        "participant": UserFactory(display_name="Pat Participant"),
        "platform_admin": AdminFactory(display_name="Ada Admin"),
    }
    space_roles = {
        "member": SpaceMembership.Role.MEMBER,
        "representative": SpaceMembership.Role.REPRESENTATIVE,
        "responder": SpaceMembership.Role.RESPONDER,
        "facilitator": SpaceMembership.Role.FACILITATOR,
    }
    for key, role in space_roles.items():
        person = UserFactory(display_name=f"{key.title()} Person")
        for space in (public, members_only):
            SpaceMembershipFactory(
                space=space,
                user=person,
                role=role,
                represents=user_organisation if role == SpaceMembership.Role.REPRESENTATIVE else None,
            )
        people[key] = person
    for key, role in (
        ("org_admin", OrganisationMembership.Role.ADMIN),
        ("staff", OrganisationMembership.Role.STAFF),
    ):
        person = UserFactory(display_name=f"{key.title()} Person")
        OrganisationMembershipFactory(organisation=owner, user=person, role=role)
        people[key] = person
    return World(owner, user_organisation, public, members_only, people)


@pytest.fixture
def outsider(db):
    """A member of another space, and of nothing in `world`."""
    person = UserFactory(display_name="Olle Outsider")
    SpaceMembershipFactory(user=person, role=SpaceMembership.Role.FACILITATOR)
    return person
