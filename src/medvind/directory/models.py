"""The contact bank (organisations and listed representatives) and calls for representatives."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation, Space, SpaceMembership


class DirectoryEntry(models.Model):
    """How an organisation shows itself in the contact bank."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="directory_entry"
    )
    what_we_do = models.TextField(_("what we do"), max_length=4000, blank=True)
    for_whom = models.CharField(_("for whom"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        Organisation,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_entries_here",
        limit_choices_to={"kind": Organisation.Kind.MUNICIPALITY},
    )
    email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Messages from the contact form go here. The address is never shown."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    listed = models.BooleanField(_("show in the contact bank"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contact bank entry")
        verbose_name_plural = _("contact bank entries")

    def __str__(self) -> str:
        return str(self.organisation)


class Representative(models.Model):
    """A person who agreed to be listed. Withdrawing consent deletes the row at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="directory_listing"
    )
    display_name = models.CharField(_("name to show"), max_length=60)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listed_representatives",
    )
    experience_areas = models.CharField(
        _("experience areas"),
        max_length=500,
        blank=True,
        help_text=_("For example: housing support, addiction care, psychiatry."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    can_help_with = models.TextField(_("what you can help with"), max_length=2000, blank=True)
    consent_at = models.DateTimeField(_("consent given"), default=timezone.now)

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("listed representative")
        verbose_name_plural = _("listed representatives")

    def __str__(self) -> str:
        return self.display_name


class Call(models.Model):
    """A call for representatives for a space (a forum, a project, an audit team), or for the experience
    panel: then it is published in the space of the coordinator who runs it, and the selected join the
    panel, not the space."""

    PANEL = "panel"

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=4000)
    requirements = models.TextField(_("what it takes"), max_length=2000, blank=True)
    time_needed = models.CharField(_("time needed"), max_length=300, blank=True)
    compensation = models.CharField(_("pay or compensation"), max_length=300, blank=True)
    deadline = models.DateTimeField(_("deadline"))
    role = models.CharField(
        _("role of those selected"),
        max_length=16,
        choices=[
            (SpaceMembership.Role.REPRESENTATIVE, SpaceMembership.Role.REPRESENTATIVE.label),
            (SpaceMembership.Role.MEMBER, SpaceMembership.Role.MEMBER.label),
            (PANEL, _("Member of the experience panel")),
        ],
        default=SpaceMembership.Role.REPRESENTATIVE,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["deadline"])]
        verbose_name = _("call for representatives")
        verbose_name_plural = _("calls for representatives")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directory:call_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return timezone.now() < self.deadline

    @property
    def is_for_panel(self) -> bool:
        return self.role == self.PANEL


class Application(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        SELECTED = "selected", _("Selected")
        DECLINED = "declined", _("Declined")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_applications"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation you speak for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    motivation = models.TextField(_("why you want to take part"), max_length=3000)
    experience_areas = models.CharField(_("experience areas"), max_length=500, blank=True)
    availability = models.CharField(_("when you can take part"), max_length=300, blank=True)
    needs = models.TextField(
        _("what you need to take part"),
        max_length=1000,
        blank=True,
        help_text=_("For example: an interpreter, step-free access, or papers in easy-read."),
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WAITING)
    message = models.TextField(_("message to the applicant"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="uniq_call_application")]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.user} → {self.call} ({self.status})"


class PanelMember(models.Model):
    """A person in the experience panel: agreed to be asked short questions. Leaving deletes the row."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="panel_member"
    )
    experience_areas = models.CharField(
        _("experience areas"),
        max_length=500,
        blank=True,
        help_text=_("For example: housing support, addiction care, psychiatry."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    consent_at = models.DateTimeField(_("consent given"), default=timezone.now)

    class Meta:
        verbose_name = _("experience panel member")
        verbose_name_plural = _("experience panel")

    def __str__(self) -> str:
        return str(self.user)


class PanelConsultation(models.Model):
    """A questionnaire sent to a part of the panel, chosen by experience area and language."""

    survey = models.ForeignKey("surveys.Survey", on_delete=models.CASCADE, related_name="panel_consultations")
    area = models.CharField(_("experience area"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    deadline = models.DateTimeField(_("answer by"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.survey} ({self.created_at:%Y-%m-%d})"


class PanelInvite(models.Model):
    consultation = models.ForeignKey(PanelConsultation, on_delete=models.CASCADE, related_name="invites")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["consultation", "user"], name="uniq_panel_invite")]

    def __str__(self) -> str:
        return f"{self.user} ← {self.consultation}"
