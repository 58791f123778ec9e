"""Live events: a workshop or panel debate with audience questions, upvotes, live polls and a postbox."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Space

# No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read aloud or typed from a projector is hard to get wrong.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


def is_code(value: str) -> bool:
    """Whether the text can be a short code (after services.normalise_code): a cheap check before any
    cache key or query is made of it."""
    return len(value) == CODE_LENGTH and all(char in CODE_ALPHABET for char in value)


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Live")
    CLOSED = "closed", _("Closed")
    ARCHIVED = "archived", _("Archived")


class Event(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    code = models.CharField(_("short code"), max_length=12, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    premoderated = models.BooleanField(_("questions are checked before they are shown"), default=False)
    postbox_days = models.PositiveSmallIntegerField(_("postbox days after the event"), default=7)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Bumped by every write that changes what the audience or presenter sees: polls compare it.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["space", "-starts_at"], name="events_space_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:manage", kwargs={"slug": self.space.slug, "pk": self.pk})

    def audience_url(self) -> str:
        return reverse("events:audience", kwargs={"code": self.code})

    @property
    def is_open(self) -> bool:
        return self.status == EventStatus.OPEN

    @property
    def postbox_closes_at(self) -> dt.datetime | None:
        if self.status != EventStatus.CLOSED or self.closed_at is None:
            return None
        return self.closed_at + dt.timedelta(days=self.postbox_days)

    @property
    def postbox_open(self) -> bool:
        closes = self.postbox_closes_at
        return closes is not None and timezone.now() < closes

    @property
    def takes_input(self) -> bool:
        return self.is_open or self.postbox_open


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a moderator")
    APPROVED = "approved", _("Shown")
    HIDDEN = "hidden", _("Hidden")


class Question(models.Model):
    """A question or an input from the audience. Nobody's account, address or browser is stored."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("text"), max_length=1000)
    name = models.CharField(_("name"), max_length=60, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    answered = models.BooleanField(_("answered"), default=False)
    highlighted = models.BooleanField(_("highlighted"), default=False)
    via_postbox = models.BooleanField(_("sent to the postbox after the event"), default=False)
    upvote_count = models.PositiveIntegerField(default=0)
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="event_questions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["event", "status", "-upvote_count", "-created_at"], name="events_q_status"),
            models.Index(fields=["event", "created_at"], name="events_q_created"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Upvote(models.Model):
    """One browser's vote: `voter` is a keyed hash of a random token in that browser's signed cookie."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="upvotes")
    voter = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "voter"], name="events_one_upvote")]

    def __str__(self) -> str:
        return f"upvote {self.pk} on question {self.question_id}"


class PollStatus(models.TextChoices):
    DRAFT = "draft", _("Not opened yet")
    OPEN = "open", _("Open for votes")
    CLOSED = "closed", _("Closed")


class Poll(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="polls")
    question = models.CharField(_("question"), max_length=200)
    multiple = models.BooleanField(_("people may choose more than one answer"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=PollStatus.choices, default=PollStatus.DRAFT
    )
    vote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["event", "status"], name="events_poll_status")]

    def __str__(self) -> str:
        return self.question

    def result_rows(self) -> list[dict]:
        """Each answer with its votes, its share of the voters and the geometry of its bar (SVG)."""
        options = list(self.options.all())
        most = max((o.vote_count for o in options), default=0) or 1
        rows = []
        for i, option in enumerate(options):
            share = round(100 * option.vote_count / self.vote_count) if self.vote_count else 0
            width = round(300 * option.vote_count / most)
            rows.append(
                {
                    "option": option,
                    "count": option.vote_count,
                    "share": share,
                    "y": i * 36,
                    "width": width,
                    "value_x": 250 + width + 8,
                }
            )
        return rows

    def chart_height(self) -> int:
        return max(36, 36 * len(self.options.all()))


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("answer"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    vote_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class PollVote(models.Model):
    """One browser's ballot in a poll (the chosen option ids), under the same keyed hash as upvotes."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    choices = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "voter"], name="events_one_ballot")]

    def __str__(self) -> str:
        return f"vote {self.pk} in poll {self.poll_id}"
