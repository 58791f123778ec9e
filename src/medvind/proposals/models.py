import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from medvind.core.models import Organisation, Space


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RECEIVED = "received", _("Received")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    DECLINED = "declined", _("Declined")
    PARKED = "parked", _("Parked")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


# The Designsystemet colour of each status's tag; the others are neutral.
STATUS_COLORS = {
    "accepted": "success",
    "done": "success",
    "declined": "danger",
    "in_progress": "info",
    "partly_accepted": "info",
    "parked": "warning",
}

# Statuses in which the proposal waits for someone to act; the others are closed.
OPEN_STATUSES = (
    Status.SUBMITTED,
    Status.RECEIVED,
    Status.UNDER_CONSIDERATION,
    Status.ACCEPTED,
    Status.PARTLY_ACCEPTED,
    Status.PARKED,
    Status.IN_PROGRESS,
)
CLOSED_STATUSES = (Status.DECLINED, Status.DONE)
ACTED_ON_STATUSES = (Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.IN_PROGRESS, Status.DONE)


class Kind(models.TextChoices):
    IDEA = "idea", _("Idea")
    MEETING_THEME = "meeting_theme", _("Theme for a meeting")
    CHANGE_REQUEST = "change_request", _("Change request")


class Theme(models.Model):
    """A theme in a space's list. Proposals on it go to its responder unless a facilitator says otherwise."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("name"), max_length=80)
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responder"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responder_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["space", "name"], name="uniq_theme_name")]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="proposals")
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"), max_length=10000)
    body_html = models.TextField(editable=False, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.IDEA)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    concerns = models.ForeignKey(
        Organisation,
        verbose_name=_("service or IT system it concerns"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    # Only for an anonymous author who wants to hear back; shown to nobody, deleted when closed.
    contact_email = models.EmailField(blank=True)
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.SUBMITTED)
    progress = models.PositiveSmallIntegerField(
        default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    responder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responder_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    deadline = models.DateField(_("answer deadline"))
    # When the proposal first got a decision (accepted, partly accepted, declined or parked), and how many
    # days that took: the accountability figures are read from these two.
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_days = models.PositiveIntegerField(null=True, blank=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)
    hidden_reason = models.CharField(max_length=500, blank=True)
    # Indexed in Meta only where set: almost every row is NULL, and a plain index on it tempts SQLite's
    # planner into using it for "merged_into IS NULL", which reads nearly the whole table through it.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from", db_index=False
    )
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; see search.py
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Newest first. The columns of "overdue" follow, so that the overdue list, newest first, skips
            # the proposals that are not overdue inside the index (PostgreSQL: 3.7 → 0.4 ms at 100,000).
            models.Index(
                fields=["space", "-created_at", "-id", "answered_at", "closed_at", "merged_into", "deadline"],
                name="prop_space_new",
            ),
            models.Index(fields=["space", "-support_count", "-id"], name="prop_space_support"),
            models.Index(fields=["space", "status", "-created_at"], name="prop_space_status"),
            models.Index(
                fields=["space", "status", "-support_count", "-id"], name="prop_space_status_support"
            ),
            models.Index(fields=["space", "kind", "-created_at"], name="prop_space_kind"),
            models.Index(fields=["space", "theme", "-created_at"], name="prop_space_theme"),
            models.Index(fields=["space", "answered_at", "created_at"], name="prop_space_waiting"),
            models.Index(fields=["space", "answer_days"], name="prop_space_answer_days"),
            # The accountability figures and the overdue lists, read from these indexes alone. merged_into
            # comes late: with statistics, SQLite's planner takes "merged_into IS NULL" for a rare value and
            # would use any index that has merged_into early for it (similar proposals, say) instead of the
            # one that reads in the order wanted.
            models.Index(
                fields=["space", "status", "answered_at", "closed_at", "deadline", "merged_into", "id"],
                name="prop_space_figures",
            ),
            models.Index(
                fields=["space", "answered_at", "closed_at", "merged_into", "deadline", "id"],
                name="prop_space_overdue",
            ),
            # The same for PostgreSQL, which does not take "IS NULL" for an equality when it reads an index
            # in order: it reads the overdue list in order of deadline from this one, and stops at a page.
            models.Index(
                fields=["space", "deadline", "id"],
                condition=Q(answered_at__isnull=True, closed_at__isnull=True, merged_into__isnull=True),
                name="prop_space_overdue_list",
            ),
            models.Index(fields=["author", "-created_at"], name="prop_author"),
            models.Index(fields=["responder", "closed_at"], name="prop_responder"),
            models.Index(
                fields=["merged_into"], condition=Q(merged_into__isnull=False), name="prop_merged_into"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"slug": self.space.slug, "pk": self.pk})

    # Lists show these for every row. Django's get_FOO_display() translates every choice on each call, and
    # {% blocktranslate count %} costs more than a call of ngettext (docs/performance.md).
    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)

    @property
    def supporters_label(self) -> str:
        count = self.support_count
        return ngettext("%(counter)s supporter", "%(counter)s supporters", count) % {"counter": count}

    @property
    def comments_label(self) -> str:
        count = self.comment_count
        return ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}

    @property
    def status_color(self) -> str:
        """The Designsystemet colour of the status tag (proposals/_status.html)."""
        return STATUS_COLORS.get(self.status, "neutral")

    @property
    def is_overdue(self) -> bool:
        """selectors.overdue_condition(), for a proposal already read."""
        waiting = self.answered_at is None and self.closed_at is None and self.merged_into_id is None
        return waiting and self.deadline < timezone.localdate()

    @property
    def days_overdue(self) -> int:
        return max(0, (timezone.localdate() - self.deadline).days)

    @property
    def is_hidden(self) -> bool:
        return bool(self.hidden_reason)

    @property
    def is_anonymous(self) -> bool:
        return self.author_id is None


class Answer(models.Model):
    """One step of the timeline: every status or progress change carries a public written answer."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=24, choices=Status.choices)
    to_status = models.CharField(max_length=24, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(_("answer"), max_length=5000)
    text_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["proposal", "created_at"])]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_status} → {self.to_status}"

    @property
    def to_status_label(self) -> str:
        return str(Status(self.to_status).label)

    @property
    def to_status_color(self) -> str:
        return STATUS_COLORS.get(self.to_status, "neutral")


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="uniq_support")]
        indexes = [models.Index(fields=["user", "proposal"])]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.proposal_id}"


class Follow(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="uniq_follow")]
        indexes = [models.Index(fields=["user", "proposal"])]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.proposal_id}"


class Comment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    body_html = models.TextField(editable=False, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(max_length=500, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The conversations of a proposal page, oldest first, ten at a time (selectors.comment_threads).
            models.Index(
                fields=["proposal", "created_at", "id"],
                condition=Q(parent__isnull=True),
                name="comment_threads",
            )
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} on {self.proposal_id}"


class Attachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="proposals/%Y/%m/")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    """Someone reports a proposal or a comment to the moderators."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("why"), max_length=1000)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["proposal", "resolved_at"])]

    def __str__(self) -> str:
        return f"Report on {self.proposal_id}"


def _token() -> str:
    return secrets.token_urlsafe(24)


class Notification(models.Model):
    """The in-app list. The same event also goes out by email unless the person has turned email off."""

    class Event(models.TextChoices):
        ANSWERED = "answered", _("New answer")
        ASSIGNED = "assigned", _("You are the responder")
        MERGED = "merged", _("Merged with another proposal")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=16, choices=Event.choices)
    text = models.TextField(blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.event} for {self.user_id}"
