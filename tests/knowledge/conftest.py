import io
import struct
import wave

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from medvind.knowledge import services
from medvind.knowledge.models import Item, ItemStatus, Kind

CAPTIONS = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nVi träffas i brukarrådet.\n"
TRANSCRIPT = "Anna: Jag började i brukarrådet för två år sedan. Nu vet jag att min röst räknas."


def wav_bytes(seconds: float = 0.2) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<h", 0) * int(8000 * seconds))
    return buffer.getvalue()


def mp4_bytes() -> bytes:
    return b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_item(world, *, actor=None, organisation="owner", publish=True, **values) -> Item:
    defaults = {
        "kind": Kind.ARTICLE,
        "title": "Hur ett brukarråd fungerar",
        "language": "sv",
        "summary": "",
        "body": "Brukarrådet träffas fyra gånger om året.",
        "audiences": ["everyone"],
        "tags": [],
    }
    defaults.update(values)
    org = world.owner if organisation == "owner" else organisation
    actor = actor or (world["org_admin"] if org is not None else world["platform_admin"])
    item = services.item_create(actor=actor, organisation=org, **defaults)
    if publish:
        item = services.item_publish(actor=actor, item=item)
    return item


@pytest.fixture
def article(world) -> Item:
    return make_item(world)


@pytest.fixture
def shared_draft(world) -> Item:
    return make_item(world, organisation=None, publish=False, title="Shared draft")


@pytest.fixture
def owner_draft(world) -> Item:
    item = make_item(world, publish=False, title="Owner draft")
    assert item.status == ItemStatus.DRAFT
    return item
