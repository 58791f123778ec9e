"""Every write to the knowledge bank. Keyword-only, atomic, permission-checked, audit-logged."""

from typing import Any

from django.contrib.postgres.search import SearchVector
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.core import audit, markdown
from medvind.core.errors import DomainError
from medvind.core.models import Organisation
from medvind.core.rules import may_write_for
from medvind.core.services import require, unique_slug

from . import stemming
from .models import Audience, Item, ItemFile, ItemStatus, Kind
from .uploads import caption_problem, checked_file, checked_media

PG_CONFIG = stemming.STEMMER_LANGUAGE  # PostgreSQL has configurations with the same names
EDITABLE = (
    "kind",
    "title",
    "language",
    "summary",
    "body",
    "easy_read",
    "audiences",
    "tags",
    "url",
    "transcript",
    "captions",
)


def clean_tags(tags: list[str] | str) -> list[str]:
    """Lower-case words, letters, digits and hyphens only, at most 12 of at most 40 characters."""
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: list[str] = []
    for tag in tags:
        word = "".join(ch if ch.isalnum() or ch in "- " else "" for ch in tag.casefold())
        word = "-".join(word.replace("-", " ").split())[:40].strip("-")
        if word and word not in seen:
            seen.append(word)
    return seen[:12]


def _check(values: dict[str, Any]) -> None:
    if values["kind"] not in Kind.values:
        raise DomainError(_("Choose a kind of item."))
    if not values["title"].strip():
        raise DomainError(_("Write a title."))
    if not set(values["audiences"]) <= set(Audience.values) or not values["audiences"]:
        raise DomainError(_("Choose who the item is for."))
    if values.get("captions", "").strip():
        problem = caption_problem(values["captions"])
        if problem:
            raise DomainError(problem)


def _render(item: Item) -> None:
    item.body_html = markdown.render(item.body)
    item.easy_read_html = markdown.render(item.easy_read) if item.easy_read.strip() else ""
    item.index_text = stemming.index_text(
        [item.title, item.summary, item.body, item.easy_read, item.transcript, " ".join(item.tags)],
        item.language,
        tags=item.tags,
        audiences=item.audiences,
    )


def _reindex(item: Item) -> None:
    """The PostgreSQL search vector: each field in the item's language configuration, and (with the same
    weight) the field's stems from stemming.py in the `simple` configuration, which catches forms the
    PostgreSQL stemmer leaves alone (Swedish "brukarrådet"). Title A, summary and tags B, text C."""
    if connection.vendor != "postgresql":
        return
    config = PG_CONFIG.get(item.language, "english")
    fields = {
        "A": item.title,
        "B": item.summary + " " + " ".join(item.tags),
        "C": " ".join([item.body, item.easy_read, item.transcript]),
    }
    vector: Any = None
    for weight, text in fields.items():
        stems = " ".join(stemming.stems(text, item.language))
        for part in (
            SearchVector(Value(text), config=config, weight=weight),
            SearchVector(Value(stems), config="simple", weight=weight),
        ):
            vector = part if vector is None else vector + part
    type(item)._default_manager.filter(pk=item.pk).update(search_vector=vector)


def _media(item: Item, media: UploadedFile | None) -> None:
    if media is not None:
        item.media_type = checked_media(media)
        item.media.save(media.name or "media", media, save=False)


@transaction.atomic
def item_create(
    *,
    actor: Any,
    organisation: Organisation | None,
    kind: str,
    title: str,
    language: str,
    summary: str = "",
    body: str = "",
    easy_read: str = "",
    audiences: list[str],
    tags: list[str] | str = "",
    url: str = "",
    transcript: str = "",
    captions: str = "",
    media: UploadedFile | None = None,
) -> Item:
    require(actor, "knowledge.create_item")
    if not may_write_for(actor, organisation):
        raise DomainError(_("You can only write items for an organisation where you are staff."))
    values = {
        "kind": kind,
        "title": title.strip(),
        "language": language,
        "summary": summary.strip(),
        "body": body,
        "easy_read": easy_read,
        "audiences": list(audiences),
        "tags": clean_tags(tags),
        "url": url,
        "transcript": transcript,
        "captions": captions.strip(),
    }
    _check(values)
    item = Item(organisation=organisation, created_by=actor, slug=unique_slug(Item, title), **values)
    _media(item, media)
    _render(item)
    item.save()
    _reindex(item)
    audit.record(actor=actor, action="knowledge.item_create", obj=item, organisation=organisation)
    return item


@transaction.atomic
def item_update(*, actor: Any, item: Item, media: UploadedFile | None = None, **values: Any) -> Item:
    require(actor, "knowledge.change_item", item)
    item = Item.objects.select_for_update().get(pk=item.pk)
    new = {field: getattr(item, field) for field in EDITABLE}
    new.update({k: v for k, v in values.items() if k in EDITABLE})
    new["title"] = new["title"].strip()
    new["tags"] = clean_tags(new["tags"])
    new["captions"] = new["captions"].strip()
    _check(new)
    changes = audit.diff(
        item, {k: v for k, v in new.items() if k not in ("body", "easy_read", "transcript", "captions")}
    )
    for field, value in new.items():
        setattr(item, field, value)
    _media(item, media)
    if item.status == ItemStatus.PUBLISHED:
        _require_publishable(item)
    item.updated_at = timezone.now()
    _render(item)
    item.save()
    _reindex(item)
    audit.record(
        actor=actor, action="knowledge.item_update", obj=item, changes=changes, organisation=item.organisation
    )
    return item


def publish_problems(item: Item) -> list[str]:
    problems = []
    if item.kind == Kind.STORY:
        if not item.media:
            problems.append(_("A digital story needs its video or audio file."))
        if len(item.transcript.strip()) < 20:
            problems.append(_("A digital story cannot be published without a full transcript."))
        if item.is_video and not item.captions.strip():
            problems.append(_("A video cannot be published without captions (WebVTT)."))
    if item.kind == Kind.LINK and not item.url:
        problems.append(_("A link needs its address."))
    if not item.body.strip() and item.kind not in (Kind.LINK, Kind.STORY) and not item.files.exists():
        problems.append(_("Write the text of the item before you publish it."))
    return problems


def _require_publishable(item: Item) -> None:
    problems = publish_problems(item)
    if problems:
        raise DomainError(" ".join(problems))


@transaction.atomic
def item_publish(*, actor: Any, item: Item) -> Item:
    require(actor, "knowledge.publish_item", item)
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.status == ItemStatus.PUBLISHED:
        return item
    _require_publishable(item)
    item.status = ItemStatus.PUBLISHED
    item.published_at = timezone.now()
    item.save(update_fields=["status", "published_at"])
    audit.record(actor=actor, action="knowledge.item_publish", obj=item, organisation=item.organisation)
    return item


@transaction.atomic
def item_unpublish(*, actor: Any, item: Item) -> Item:
    require(actor, "knowledge.publish_item", item)
    item = Item.objects.select_for_update().get(pk=item.pk)
    if item.status == ItemStatus.DRAFT:
        return item
    item.status = ItemStatus.DRAFT
    item.save(update_fields=["status"])
    audit.record(actor=actor, action="knowledge.item_unpublish", obj=item, organisation=item.organisation)
    return item


@transaction.atomic
def item_link_translation(*, actor: Any, item: Item, original: Item) -> Item:
    """Say that `item` translates `original`: both join one translation group, one item per language."""
    require(actor, "knowledge.change_item", item)
    if original.pk == item.pk:
        raise DomainError(_("An item cannot be a translation of itself."))
    if not actor.has_perm("knowledge.view_item", original):
        raise DomainError(_("There is no such item."))
    group = original.translation_group or original.pk
    taken = Item.objects.filter(translation_group=group, language=item.language).exclude(pk=item.pk)
    if original.language == item.language or taken.exists():
        raise DomainError(_("That item already has a translation in this language."))
    old_group = item.translation_group
    Item.objects.filter(pk=original.pk, translation_group__isnull=True).update(translation_group=group)
    Item.objects.filter(pk=item.pk).update(translation_group=group)
    item.translation_group = group
    audit.record(
        actor=actor,
        action="knowledge.item_translation",
        obj=item,
        changes={"translation_group": [old_group, group], "original": original.slug},
        organisation=item.organisation,
    )
    return item


@transaction.atomic
def file_add(*, actor: Any, item: Item, upload: UploadedFile) -> ItemFile:
    require(actor, "knowledge.change_item", item)
    content_type = checked_file(upload)
    if item.files.count() >= 20:
        raise DomainError(_("An item can have at most 20 attachments."))
    name = (upload.name or "file")[:200]
    attachment = ItemFile(item=item, name=name, content_type=content_type, size=upload.size or 0)
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit.record(actor=actor, action="knowledge.file_add", obj=attachment, organisation=item.organisation)
    return attachment


@transaction.atomic
def file_remove(*, actor: Any, attachment: ItemFile) -> None:
    require(actor, "knowledge.change_item", attachment.item)
    audit.record(
        actor=actor, action="knowledge.file_remove", obj=attachment, organisation=attachment.item.organisation
    )
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name) if name else None)


def items_reindex(model: Any = Item) -> int:
    """Rebuild the stored search data of every item (after a change to stemming.py or to the version of
    snowballstemmer). Not a user action: a migration runs it (`model` is then the migration's Item).
    Returns the number of items."""
    count = 0
    for item in model._default_manager.iterator(chunk_size=500):
        with transaction.atomic():
            _render(item)
            item.save(update_fields=["body_html", "easy_read_html", "index_text"])
            _reindex(item)
        count += 1
    return count
