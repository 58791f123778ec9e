"""The knowledge bank's pages in every language: list and search, item, form, print, media and captions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medvind.knowledge import services, stemming
from medvind.knowledge.models import Item, ItemStatus, Kind
from tests.helpers import LANGUAGES, field_error, field_value, html_lang, page, url

from .conftest import CAPTIONS, TRANSCRIPT, make_item, mp4_bytes, upload, wav_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_knowledge_bank_and_an_item_open_in_every_language(client, world, article, lang):
    response = client.get(url("knowledge:list", lang))
    assert response.status_code == 200 and html_lang(response) == lang
    assert "Hur ett brukarråd fungerar" in page(response)
    response = client.get(url("knowledge:item", lang, slug=article.slug))
    assert response.status_code == 200 and html_lang(response) == lang
    assert '<article lang="sv">' in page(response)
    assert client.get(url("knowledge:print", lang, slug=article.slug)).status_code == 200
    client.force_login(world["staff"])
    for name, kwargs in (("knowledge:create", {}), ("knowledge:edit", {"slug": article.slug})):
        response = client.get(url(name, lang, **kwargs))
        assert response.status_code == 200 and html_lang(response) == lang


def test_a_draft_is_not_found_by_visitors_but_shown_to_its_writers(client, world, owner_draft):
    address = url("knowledge:item", slug=owner_draft.slug)
    assert client.get(address).status_code == 404
    assert "Owner draft" not in page(client.get(url("knowledge:list")))
    client.force_login(world["staff"])
    assert "This item is a draft" in page(client.get(address))


def test_search_finds_an_inflected_swedish_form_and_keeps_the_words(client, world, article):
    response = client.get(url("knowledge:list"), {"q": "brukarråden"})
    assert "Hur ett brukarråd fungerar" in page(response)
    assert "1 item found" in page(response)
    assert field_value(response, "q") == "brukarråden"


@pytest.mark.parametrize(
    "params",
    [
        {"q": "<script>alert(1)</script>"},
        {"q": "' OR 1=1 --"},
        {"tag": "<script>alert(1)</script>"},
        {"tag": "' OR 1=1 --"},
        {"kind": "nonsense", "audience": "' OR 1=1 --", "language": "xx"},
        {"q": "x" * 5000},
        {"page": "99999999999999999999999"},
        {"page": "-1"},
    ],
)
def test_hostile_search_input_gives_a_clean_page(client, article, params):
    response = client.get(url("knowledge:list"), params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in page(response)


def test_only_writers_see_the_form(client, world):
    assert client.get(url("knowledge:create")).status_code == 302  # to sign in
    client.force_login(world["participant"])
    assert client.get(url("knowledge:create")).status_code == 403
    client.force_login(world["staff"])
    assert client.get(url("knowledge:create")).status_code == 200


def form_data(world, **values):
    data = {
        "organisation": str(world.owner.pk),
        "kind": "article",
        "title": "Inbjudan till brukarrådet",
        "language": "sv",
        "audiences": ["staff", "representatives"],
        "tags": "brukarråd, möte",
        "body": "Välkommen till **brukarrådet**.",
    }
    data.update(values)
    return data


def test_staff_write_an_item_and_publish_it(client, world):
    client.force_login(world["staff"])
    response = client.post(url("knowledge:create"), form_data(world))
    item = Item.objects.get()
    assert response.url == item.get_absolute_url()
    assert item.tags == ["brukarråd", "möte"] and item.status == ItemStatus.DRAFT
    response = client.post(url("knowledge:publish", slug=item.slug), follow=True)
    assert "The item is published. Everyone can see it." in page(response)
    client.logout()
    assert "<strong>brukarrådet</strong>" in page(client.get(item.get_absolute_url()))


def test_a_form_with_errors_keeps_what_was_typed(client, world):
    client.force_login(world["staff"])
    response = client.post(
        url("knowledge:create"), form_data(world, title="", body="<script>alert(1)</script>", audiences=[])
    )
    assert response.status_code == 400
    assert field_error(response, "title") == "This field is required."
    assert field_error(response, "audiences") == "This field is required."
    assert field_value(response, "body") == "<script>alert(1)</script>"
    assert "<script>alert(1)</script>" not in page(response)
    assert not Item.objects.exists()


def test_too_long_input_is_refused_next_to_its_field(client, world):
    client.force_login(world["staff"])
    response = client.post(url("knowledge:create"), form_data(world, title="x" * 201))
    assert response.status_code == 400
    assert "at most 200 characters" in field_error(response, "title")


def test_staff_cannot_post_for_another_organisation(client, world):
    client.force_login(world["staff"])
    response = client.post(
        url("knowledge:create"), form_data(world, organisation=str(world.user_organisation.pk))
    )
    assert response.status_code == 400
    assert field_error(response, "organisation") is not None
    response = client.post(url("knowledge:create"), form_data(world, organisation="shared"))
    assert response.status_code == 400


def test_a_story_without_transcript_is_saved_but_not_published(client, world):
    client.force_login(world["org_admin"])
    data = form_data(world, kind="story", body="", media_file=upload("annas-berattelse.mp4", mp4_bytes()))
    client.post(url("knowledge:create"), data)
    item = Item.objects.get()
    detail = page(client.get(item.get_absolute_url()))
    assert "A digital story cannot be published without a full transcript." in detail
    response = client.post(url("knowledge:publish", slug=item.slug), follow=True)
    assert "without a full transcript" in page(response)
    assert "without captions" in page(response)
    item.refresh_from_db()
    assert item.status == ItemStatus.DRAFT


def test_a_disguised_upload_is_refused_and_the_text_is_kept(client, world):
    client.force_login(world["org_admin"])
    data = form_data(
        world, kind="story", transcript=TRANSCRIPT, media_file=upload("film.mp4", b"MZ not a film")
    )
    response = client.post(url("knowledge:create"), data)
    assert response.status_code == 400
    assert "is not a video or audio file" in page(response)
    assert field_value(response, "transcript") == TRANSCRIPT
    assert not Item.objects.exists()


def test_captions_can_be_uploaded_as_a_file_and_bad_ones_are_explained(client, world):
    client.force_login(world["org_admin"])
    data = form_data(world, kind="story", transcript=TRANSCRIPT, captions_file=upload("c.vtt", b"not webvtt"))
    response = client.post(url("knowledge:create"), data)
    assert "the first line must be" in page(response)
    data["captions_file"] = upload("c.vtt", CAPTIONS.encode())
    data["media_file"] = upload("film.mp4", mp4_bytes())
    client.post(url("knowledge:create"), data)
    assert Item.objects.get().captions == CAPTIONS.strip()


def test_the_story_page_has_the_player_the_captions_track_and_the_transcript(client, world):
    item = make_item(
        world,
        kind=Kind.STORY,
        body="",
        media=upload("s.mp4", mp4_bytes()),
        transcript=TRANSCRIPT,
        captions=CAPTIONS,
    )
    content = page(client.get(item.get_absolute_url()))
    assert "<video controls" in content
    assert '<track kind="captions" srclang="sv"' in content
    assert "min röst räknas" in content
    captions = client.get(url("knowledge:captions", slug=item.slug))
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert captions.content.decode().startswith("WEBVTT")
    media = client.get(url("knowledge:media", slug=item.slug))
    assert media["Content-Type"] == "video/mp4"


def test_an_audio_story_uses_the_audio_player(client, world):
    item = make_item(
        world, kind=Kind.STORY, body="", media=upload("s.wav", wav_bytes()), transcript=TRANSCRIPT
    )
    content = page(client.get(item.get_absolute_url()))
    assert "<audio controls" in content and "<video" not in content
    assert client.get(url("knowledge:captions", slug=item.slug)).status_code == 404


def test_translations_are_linked_in_the_form_and_shown_as_also_in(client, world, article):
    danish = make_item(world, title="Sådan fungerer et brugerråd", language="da")
    client.force_login(world["org_admin"])
    response = client.post(
        url("knowledge:translation", slug=danish.slug), {"original": article.get_absolute_url()}
    )
    assert response.url == danish.get_absolute_url()
    content = page(client.get(article.get_absolute_url()))
    assert "Also in:" in content and ">dansk</a>" in content
    response = client.post(url("knowledge:translation", slug=danish.slug), {"original": "' OR 1=1 --"})
    assert response.status_code == 400
    assert field_error(response, "original") == "There is no such item."


def test_attachments_are_added_downloaded_and_refused_when_disguised(client, world, article):
    client.force_login(world["org_admin"])
    response = client.post(
        url("knowledge:file_add", slug=article.slug), {"file": upload("mall.pdf", b"%PDF-1.4 x")}
    )
    assert response.status_code == 302
    attachment = article.files.get()
    download = client.get(url("knowledge:file", slug=article.slug, pk=attachment.pk))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 x"
    response = client.post(
        url("knowledge:file_add", slug=article.slug), {"file": upload("mall.pdf", b"<html>")}
    )
    assert response.status_code == 400
    assert "is not a file we can take" in field_error(response, "file")


def test_members_cannot_change_or_publish_items(client, world, owner_draft, article):
    client.force_login(world["member"])
    assert client.get(url("knowledge:edit", slug=article.slug)).status_code == 403
    assert (
        client.post(url("knowledge:publish", slug=article.slug), {"action": "unpublish"}).status_code == 403
    )
    assert client.post(url("knowledge:publish", slug=owner_draft.slug)).status_code == 404
    article.refresh_from_db()
    assert article.status == ItemStatus.PUBLISHED


def many_items(world, count: int) -> None:
    organisation = world.owner
    items = []
    for i in range(count):
        language = LANGUAGES[i % 5]
        title = f"Brukarråd nummer {i}"
        items.append(
            Item(
                kind=Kind.ARTICLE,
                title=title,
                slug=f"item-{i}",
                language=language,
                summary="Om brukarråd.",
                body="",
                audiences=["everyone"],
                tags=["brukarråd"],
                organisation=organisation,
                status=ItemStatus.PUBLISHED,
                published_at=article_time(i),
                index_text=stemming.index_text(
                    [title, "Om brukarråd."], language, tags=["brukarråd"], audiences=["everyone"]
                ),
            )
        )
    Item.objects.bulk_create(items, batch_size=1000)


def article_time(i: int):
    import datetime as dt

    from django.utils import timezone

    return timezone.now() - dt.timedelta(minutes=i)


def queries(client, address: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("params", [{}, {"q": "brukarrådet", "tag": "brukarråd", "audience": "everyone"}])
def test_the_search_page_reads_a_fixed_number_of_queries_with_ten_thousand_items(client, world, params):
    client.force_login(world["staff"])
    address = url("knowledge:list")
    many_items(world, 25)
    client.get(address, params)
    small = queries(client, address, params)
    Item.objects.all().delete()
    many_items(world, 10_000)
    assert queries(client, address, params) == small <= 12


def test_the_item_page_reads_a_fixed_number_of_queries(client, world, article):
    def translate_and_attach(language: str) -> None:
        other = make_item(world, title=f"Översatt {language}", language=language)
        services.item_link_translation(actor=world["org_admin"], item=other, original=article)
        services.file_add(actor=world["org_admin"], item=article, upload=upload("a.pdf", b"%PDF-1.4"))

    translate_and_attach("da")
    article.refresh_from_db()
    client.force_login(world["staff"])
    client.get(article.get_absolute_url())
    small = queries(client, article.get_absolute_url(), {})
    for language in ("nb", "nn", "en"):
        translate_and_attach(language)
    assert queries(client, article.get_absolute_url(), {}) == small <= 14


def test_people_who_chose_easy_read_see_the_easy_read_version_first(client, world):
    item = make_item(world, body="Brukarrådet är ett forum för dialog.", easy_read="Brukarrådet är ett möte.")
    content = page(client.get(item.get_absolute_url()))
    assert content.index("ett forum för dialog") < content.index("Brukarrådet är ett möte.")
    reader = world["participant"]
    reader.easy_read = True
    reader.save()
    client.force_login(reader)
    content = page(client.get(item.get_absolute_url()))
    assert content.index("Brukarrådet är ett möte.") < content.index("ett forum för dialog")
