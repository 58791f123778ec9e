import datetime as dt

import pytest
from django.utils import timezone

from medvind.core.models import Organisation, OrganisationMembership
from medvind.directory import services
from medvind.directory.models import Call
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def brukarrost(world):
    org = OrganisationFactory(
        name="Föreningen Brukarröst",
        slug="brukarrost",
        kind=Organisation.Kind.USER_ORGANISATION,
        email="info@brukarrost.example",
        parent=world.owner,
    )
    return org


@pytest.fixture
def applicant(brukarrost):
    person = UserFactory(display_name="Pia Persson", email="pia@example.org", language="da")
    OrganisationMembership.objects.create(organisation=brukarrost, user=person, role="member")
    return person


@pytest.fixture
def call(world) -> Call:
    return services.call_create(
        space=world.public,
        actor=world["facilitator"],
        title="Brukarrepresentanter till utvecklingsgruppen",
        description="Vi söker två personer med erfarenhet av boendestöd.",
        requirements="Egen erfarenhet.",
        time_needed="Ett möte i månaden.",
        compensation="500 kronor per möte.",
        deadline=timezone.now() + dt.timedelta(days=14),
        role="representative",
    )


@pytest.fixture
def panel_call(world) -> Call:
    return services.call_create(
        space=world.public,
        actor=world["facilitator"],
        title="Erfarenhetspanelen söker fler röster",
        description="Korta frågor några gånger om året.",
        deadline=timezone.now() + dt.timedelta(days=10),
        role=Call.PANEL,
    )
