"""The knowledge bank: articles, handbooks, templates, tips, digital stories and links, each in one
language with an optional easy-read version, linked to its translations. See docs/knowledge.md."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation


class Kind(models.TextChoices):
    ARTICLE = "article", _("Article")
    HANDBOOK = "handbook", _("Handbook")
    TEMPLATE = "template", _("Template")
    TIP = "tip", _("Practical tip")
    STORY = "story", _("Digital story")
    LINK = "link", _("Link")


class Audience(models.TextChoices):
    STAFF = "staff", _("Staff")
    REPRESENTATIVES = "representatives", _("User representatives")
    AUDITORS = "auditors", _("User auditors")
    EVERYONE = "everyone", _("Everyone")


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Item(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, db_index=True)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), max_length=60000, blank=True)  # Markdown (core.markdown)
    body_html = models.TextField(blank=True)
    easy_read = models.TextField(_("easy-read version"), max_length=20000, blank=True)
    easy_read_html = models.TextField(blank=True)
    audiences = models.JSONField(_("for whom"), default=list)  # Audience values
    tags = models.JSONField(_("tags"), default=list, blank=True)  # lower-case words
    url = models.URLField(_("address"), blank=True)  # for links
    # Translations of one item share a group: the first item's id.
    translation_group = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    # Owned by an organisation, or (no owner) part of the shared collection curated by platform admins.
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.CASCADE, related_name="knowledge_items"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    # Digital stories: the media file, its full transcript and (for video) captions in WebVTT.
    media = models.FileField(_("video or audio file"), upload_to="knowledge/media/", blank=True)
    media_type = models.CharField(max_length=80, blank=True)
    transcript = models.TextField(_("transcript"), max_length=60000, blank=True)
    captions = models.TextField(_("captions (WebVTT)"), max_length=200000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(default=timezone.now)
    # Kept by the services (see docs/knowledge.md): stems, #tags and @audiences for the SQLite search,
    # and on PostgreSQL a text-search vector in the item's language (GIN-indexed by migration 0002).
    index_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["status", "language", "-published_at"], name="knowledge_lang_new"),
            models.Index(fields=["status", "kind", "-published_at"], name="knowledge_kind_new"),
        ]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:item", kwargs={"slug": self.slug})

    @property
    def is_video(self) -> bool:
        return self.media_type.startswith("video/")


class ItemFile(models.Model):
    """An attachment of an item (PDF, DOCX, ODT, image), stored through Django's storage API."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="knowledge/files/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name
