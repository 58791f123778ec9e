"""The directory demo loads after the core demo."""

import datetime as dt

import pytest

from medvind.core.demo import load_demo
from medvind.core.models import SpaceMembership
from medvind.directory import demo
from medvind.directory.models import Application, Call, DirectoryEntry, PanelMember, Representative
from tests.helpers import page, url

pytestmark = pytest.mark.django_db


def test_the_demo_has_entries_two_representatives_an_open_and_a_closed_call(client):
    load_demo()
    assert demo.load_demo()
    assert not demo.load_demo()  # once
    assert DirectoryEntry.objects.filter(organisation__country="DK").exists()
    assert DirectoryEntry.objects.filter(organisation__country="NO").exists()
    assert sorted(Representative.objects.values_list("user__language", flat=True)) == ["da", "sv"]
    assert PanelMember.objects.count() == 2
    open_call = Call.objects.get(
        space__slug="gemensam-utvecklingsgrupp-for-socialtjansten", role=SpaceMembership.Role.REPRESENTATIVE
    )
    assert open_call.is_open
    assert sorted(open_call.applications.values_list("status", flat=True)) == [
        Application.Status.SELECTED,
        Application.Status.WAITING,
    ]
    selected = open_call.applications.get(status=Application.Status.SELECTED)
    membership = SpaceMembership.objects.get(space=open_call.space, user=selected.user)
    assert membership.role == SpaceMembership.Role.REPRESENTATIVE
    panel_call = Call.objects.get(role=Call.PANEL)
    assert panel_call.is_open and panel_call.applications.get().status == Application.Status.WAITING
    assert Call.objects.exclude(pk__in=[open_call.pk, panel_call.pk]).get().is_open is False
    # Every membership is months old but Pia's new place in the group: only she is welcomed there.
    new = SpaceMembership.objects.filter(created_at__gte=open_call.created_at - dt.timedelta(days=1))
    assert list(new.values_list("user__email", "space__slug")) == [
        ("participant@demo.example", "gemensam-utvecklingsgrupp-for-socialtjansten")
    ]
    content = page(client.get(url("directory:organisations", "sv"), {"municipality": "exempelkommun"}))
    assert "Föreningen Brukarröst" in content
    assert "Gemensam utvecklingsgrupp för socialtjänsten" in content
