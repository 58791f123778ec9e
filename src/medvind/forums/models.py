import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from medvind.core.models import Space

COUNTRY_TIME_ZONES = {"SE": "Europe/Stockholm", "DK": "Europe/Copenhagen", "NO": "Europe/Oslo"}


def space_time_zone(space: Space) -> zoneinfo.ZoneInfo:
    """The time zone of the organisation that runs the forum (from its country)."""
    organisation = space.organisations.order_by("pk").only("country").first()
    name = COUNTRY_TIME_ZONES.get(organisation.country if organisation else "", settings.TIME_ZONE)
    return zoneinfo.ZoneInfo(name)


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class MinutesState(models.TextChoices):
    NONE = "none", _("No minutes yet")
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


ACCESS_FEATURES = [
    ("step_free", _("Step-free access")),
    ("hearing_loop", _("Hearing loop")),
    ("sign_language", _("Sign-language interpreter")),
    ("spoken_interpreter", _("Spoken-language interpreter")),
    ("easy_read", _("Easy-read material")),
    ("quiet_room", _("Quiet room")),
    ("assistance", _("Assistance on site")),
]


class Meeting(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=150)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    step_free = models.BooleanField(_("Step-free access"), default=False)
    hearing_loop = models.BooleanField(_("Hearing loop"), default=False)
    sign_language = models.BooleanField(_("Sign-language interpreter"), default=False)
    spoken_interpreter = models.BooleanField(_("Spoken-language interpreter"), default=False)
    easy_read = models.BooleanField(_("Easy-read material"), default=False)
    quiet_room = models.BooleanField(_("Quiet room"), default=False)
    assistance = models.BooleanField(_("Assistance on site"), default=False)
    access_notes = models.TextField(_("more about accessibility"), max_length=2000, blank=True)
    state = models.CharField(max_length=16, choices=MeetingState.choices, default=MeetingState.PLANNED)
    minutes_state = models.CharField(max_length=16, choices=MinutesState.choices, default=MinutesState.NONE)
    minutes_summary = models.TextField(_("summary of the meeting"), max_length=10000, blank=True)
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["space", "starts_at"]),
            models.Index(fields=["state", "starts_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:meeting", kwargs={"slug": self.space.slug, "pk": self.pk})

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def access_labels(self) -> list[str]:
        return [str(label) for field, label in ACCESS_FEATURES if getattr(self, field)]

    @property
    def state_label(self) -> str:
        return str(MeetingState(self.state).label)


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REGISTERED)
    interpreter = models.CharField(_("interpreter"), max_length=100, blank=True)
    assistance = models.BooleanField(_("I need assistance"), default=False)
    diet = models.CharField(_("food and allergies"), max_length=200, blank=True)
    needs_text = models.TextField(_("other needs"), max_length=1000, blank=True)
    attended = models.BooleanField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="uniq_registration")]
        indexes = [
            models.Index(fields=["meeting", "status", "created_at"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.meeting_id} ({self.status})"

    @property
    def has_needs(self) -> bool:
        return bool(self.interpreter or self.assistance or self.diet or self.needs_text)


class AgendaItem(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SCHEDULED = "scheduled", _("On the agenda")
        DECLINED = "declined", _("Not on the agenda")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="agenda_items")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("theme"), max_length=150)
    description = models.TextField(_("why it matters"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PROPOSED)
    is_standing = models.BooleanField(default=False)
    position = models.PositiveSmallIntegerField(default=0)
    vote_count = models.PositiveIntegerField(default=0)
    notes = models.TextField(_("notes"), max_length=10000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "-vote_count", "created_at", "pk"]
        indexes = [
            models.Index(fields=["meeting", "status", "position"]),
            models.Index(fields=["space", "status", "-vote_count"]),
        ]

    def __str__(self) -> str:
        return self.title


class AgendaVote(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="uniq_agenda_vote")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.item_id}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField(_("decision"), max_length=4000)
    proposal = models.ForeignKey(
        "proposals.Proposal", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.ForeignKey(
        "proposals.Answer", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["meeting", "created_at"])]

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="action_items")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    title = models.CharField(_("what is to be done"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who does it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["space", "status", "deadline"]),
            models.Index(fields=["meeting", "deadline"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.deadline < timezone.localdate()


def _token() -> str:
    return secrets.token_urlsafe(24)


class ForumPreference(models.Model):
    """Per person: the secret of the "my meetings" calendar feed and whether meeting emails are wanted."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    feed_token = models.CharField(max_length=64, unique=True, default=_token)
    meeting_emails = models.BooleanField(default=True)

    def __str__(self) -> str:
        return f"forum preference of {self.user_id}"


class MemberListing(models.Model):
    """A member's consent to be shown in the forum's member list, and what to show."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    show = models.BooleanField(_("Show me in the forum's member list"), default=False)
    show_organisation = models.BooleanField(_("Show which organisation I speak for"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["space", "user"], name="uniq_member_listing")]
        indexes = [models.Index(fields=["space", "show"])]

    def __str__(self) -> str:
        return f"listing of {self.user_id} in {self.space_id}"
