import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    SWEDEN = "SE", _("Sweden")
    NORWAY = "NO", _("Norway")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")
        SERVICE = "service", _("Service")
        USER_ORGANISATION = "user_organisation", _("User organisation")
        NGO = "ngo", _("Voluntary organisation (NGO)")
        SYSTEM_OWNER = "system_owner", _("System owner")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
        help_text=_("A service can belong to a municipality or a region."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    language = models.CharField(_("default language"), max_length=8, choices=settings.LANGUAGES)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("contact email"), blank=True)
    require_staff_mfa = models.BooleanField(
        _("require two-factor sign-in for admins and staff"), default=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:organisation_detail", kwargs={"slug": self.slug})


class OrganisationMembership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        STAFF = "staff", _("Staff")
        MEMBER = "member", _("Member")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="uniq_org_member")]
        indexes = [models.Index(fields=["user", "role"])]
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.role})"


class Space(models.Model):
    """A place where participation happens: a forum, an audit, an event series or a consultation."""

    class Kind(models.TextChoices):
        FORUM = "forum", _("Forum")
        AUDIT = "audit", _("User-led audit")
        EVENT = "event", _("Event")
        CONSULTATION = "consultation", _("Consultation")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Anyone can join")
        REQUEST = "request", _("Ask to join")
        INVITATION = "invitation", _("By invitation only")

    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, db_index=True)
    visibility = models.CharField(
        _("who can see it"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    join_policy = models.CharField(
        _("how people join"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.REQUEST
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), max_length=8000, blank=True)
    proposals_open = models.BooleanField(_("people can send proposals"), default=True)
    anonymous_proposals = models.BooleanField(
        _("proposals can be sent without signing in (a written postbox)"), default=False
    )
    answer_days = models.PositiveSmallIntegerField(
        _("days to answer a proposal"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Every proposal gets an answer deadline this many days after it is sent."),
    )
    organisations = models.ManyToManyField(Organisation, verbose_name=_("owned by"), related_name="spaces")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["visibility", "-created_at"])]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("core:space_detail", kwargs={"slug": self.slug})


class SpaceMembership(models.Model):
    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        RESPONDER = "responder", _("Responder")
        REPRESENTATIVE = "representative", _("User representative")
        MEMBER = "member", _("Member")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    represents = models.ForeignKey(
        Organisation,
        verbose_name=_("speaks for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["space", "user"], name="uniq_space_member")]
        indexes = [models.Index(fields=["user", "role"]), models.Index(fields=["space", "role"])]
        verbose_name = _("space membership")
        verbose_name_plural = _("space memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.space} ({self.role})"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="join_requests")
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=models.Q(status="pending"),
                name="uniq_pending_join_request",
            )
        ]
        indexes = [models.Index(fields=["space", "status"])]
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.user} → {self.space} ({self.status})"


def _new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(
        _("role"), max_length=16, choices=SpaceMembership.Role.choices, default=SpaceMembership.Role.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["space", "status"]), models.Index(fields=["email"])]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.space} ({self.status})"


class AuditLogEntry(models.Model):
    """Who did what, when, with old and new values. Written only by services."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.CharField(max_length=64)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=200)
    changes = models.JSONField(default=dict, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    space = models.ForeignKey(Space, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor", "-created_at"]),
        ]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
