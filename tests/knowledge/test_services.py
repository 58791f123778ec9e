"""The knowledge bank's writes: who may write, what a story needs before it is published, file checks."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied

from medvind.core.errors import DomainError
from medvind.core.models import AuditLogEntry
from medvind.knowledge import services
from medvind.knowledge.models import Item, ItemFile, ItemStatus, Kind
from medvind.knowledge.uploads import caption_problem

from .conftest import CAPTIONS, TRANSCRIPT, make_item, mp4_bytes, upload, wav_bytes

pytestmark = pytest.mark.django_db


def story(world, **values):
    defaults = {"kind": Kind.STORY, "title": "Annas berättelse", "body": "", "publish": False}
    defaults.update(values)
    return make_item(world, **defaults)


def test_staff_write_an_item_for_their_organisation_and_it_starts_as_a_draft(world):
    item = make_item(world, actor=world["staff"], publish=False, body="**Brukarrådet** träffas.")
    assert item.status == ItemStatus.DRAFT
    assert item.body_html == "<p><strong>Brukarrådet</strong> träffas.</p>"
    assert AuditLogEntry.objects.filter(action="knowledge.item_create", object_id=str(item.pk)).exists()


def test_markdown_is_cleaned_of_scripts(world):
    item = make_item(
        world, body="<script>alert(1)</script> Hej", easy_read="<img src=x onerror=alert(1)>Lätt"
    )
    assert "<script" not in item.body_html and "onerror" not in item.easy_read_html


def test_staff_cannot_write_for_the_shared_collection(world):
    with pytest.raises(DomainError, match="only write items for an organisation"):
        make_item(world, actor=world["staff"], organisation=None)
    assert not Item.objects.exists()


def test_a_participant_cannot_write_items(world):
    with pytest.raises(PermissionDenied):
        make_item(world, actor=world["participant"], organisation=world.owner)


def test_an_item_needs_a_title_and_an_audience(world):
    with pytest.raises(DomainError, match="Write a title"):
        make_item(world, title="   ")
    with pytest.raises(DomainError, match="who the item is for"):
        make_item(world, audiences=["aliens"])


def test_hostile_tags_are_cleaned_to_plain_words(world):
    item = make_item(world, tags=["<script>alert(1)</script>", "' OR 1=1 --", "Brukarråd", "brukarråd"])
    assert item.tags == ["scriptalert1script", "or-11", "brukarråd"]


def test_a_story_cannot_be_published_without_a_full_transcript(world):
    item = story(world, media=upload("story.wav", wav_bytes()))
    assert item.media_type == "audio/wav"
    with pytest.raises(DomainError, match="without a full transcript"):
        services.item_publish(actor=world["org_admin"], item=item)
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT


def test_an_audio_story_with_a_transcript_is_published_without_captions(world):
    item = story(world, media=upload("story.wav", wav_bytes()), transcript=TRANSCRIPT)
    assert services.item_publish(actor=world["org_admin"], item=item).status == ItemStatus.PUBLISHED


def test_a_video_cannot_be_published_without_captions(world):
    item = story(world, media=upload("story.mp4", mp4_bytes()), transcript=TRANSCRIPT)
    assert item.media_type == "video/mp4"
    with pytest.raises(DomainError, match="without captions"):
        services.item_publish(actor=world["org_admin"], item=item)
    services.item_update(actor=world["org_admin"], item=item, captions=CAPTIONS)
    assert services.item_publish(actor=world["org_admin"], item=item).status == ItemStatus.PUBLISHED


def test_a_published_video_cannot_lose_its_captions(world):
    item = story(
        world, media=upload("s.mp4", mp4_bytes()), transcript=TRANSCRIPT, captions=CAPTIONS, publish=True
    )
    with pytest.raises(DomainError, match="without captions"):
        services.item_update(actor=world["org_admin"], item=item, captions="")
    item.refresh_from_db()
    assert item.captions == CAPTIONS.strip()


def test_a_story_needs_its_media_file(world):
    item = story(world, transcript=TRANSCRIPT)
    with pytest.raises(DomainError, match="video or audio file"):
        services.item_publish(actor=world["org_admin"], item=item)


@pytest.mark.parametrize(
    ("captions", "message"),
    [
        ("00:00:01.000 --> 00:00:04.000\nHej", "first line must be"),
        ("WEBVTT\n\nHej utan tid", "no cue"),
        ("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nBaklänges", "ends before it starts"),
        ("WEBVTT\n\n00:99:01.000 --> 00:00:04.000\nFel", "no cue"),
        ("WEBVTTX\n\n00:00:01.000 --> 00:00:04.000\nHej", "first line must be"),
    ],
)
def test_broken_captions_are_refused_with_a_reason(captions, message):
    assert message in caption_problem(captions)


def test_valid_captions_pass_with_or_without_hours():
    assert (
        caption_problem(
            "\ufeffWEBVTT\n\n00:01.000 --> 00:04.000\nHej\n\n01:00:01.000 --> 01:00:02.500 line:0\nDå"
        )
        is None
    )


def test_a_disguised_media_file_is_refused(world):
    with pytest.raises(DomainError, match="not a video or audio file"):
        story(world, media=upload("story.mp4", b"<html><script>alert(1)</script></html>", "video/mp4"))
    assert not Item.objects.exists()


def test_a_too_large_media_file_is_refused(world, settings):
    settings.KNOWLEDGE_MEDIA_MAX_MB = 0
    with pytest.raises(DomainError, match="too big"):
        story(world, media=upload("story.wav", wav_bytes()))


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("inbjudan.pdf", b"%PDF-1.7\n...", "application/pdf"),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
        ("bild.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (
            "mall.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("mall.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_attachments_are_taken_by_their_content(world, article, name, content, content_type):
    attachment = services.file_add(actor=world["org_admin"], item=article, upload=upload(name, content))
    assert attachment.content_type == content_type
    assert attachment.file.read() == content


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00 windows program", b"PK\x03\x04 not really a zip", b"<svg onload=alert(1)>", b""],
)
def test_disguised_attachments_are_refused(world, article, content):
    with pytest.raises(DomainError):
        services.file_add(actor=world["org_admin"], item=article, upload=upload("inbjudan.pdf", content))
    assert not ItemFile.objects.exists()


def test_an_attachment_over_25_mb_is_refused(world, article):
    big = upload("stor.pdf", b"%PDF-" + b"0" * (25 * 1024 * 1024))
    with pytest.raises(DomainError, match="too big"):
        services.file_add(actor=world["org_admin"], item=article, upload=big)


def test_only_writers_add_attachments(world, article):
    with pytest.raises(PermissionDenied):
        services.file_add(actor=world["member"], item=article, upload=upload("a.pdf", b"%PDF-1.4"))


def test_translations_are_linked_one_per_language(world, article):
    danish = make_item(world, title="Sådan fungerer et brugerråd", language="da")
    services.item_link_translation(actor=world["org_admin"], item=danish, original=article)
    article.refresh_from_db()
    assert article.translation_group == danish.translation_group == article.pk
    another = make_item(world, title="Brugerrådet", language="da")
    with pytest.raises(DomainError, match="already has a translation"):
        services.item_link_translation(actor=world["org_admin"], item=another, original=article)
    with pytest.raises(DomainError, match="itself"):
        services.item_link_translation(actor=world["org_admin"], item=article, original=article)


def test_unpublishing_hides_the_item_again(world, article):
    services.item_unpublish(actor=world["staff"], item=article)
    article.refresh_from_db()
    assert article.status == ItemStatus.DRAFT
    assert not world["participant"].has_perm("knowledge.view_item", article)
