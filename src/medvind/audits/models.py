"""User-led audits (brukarrevision): people with their own experience of a service examine it, write the
report and present it; the service answers and is followed up. See docs/audits.md."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation, Space


class Phase(models.TextChoices):
    COMMISSIONED = "commissioned", _("Commissioned")
    PLANNING = "planning", _("Planning")
    INSTRUMENTS = "instruments", _("Writing the questions")
    COLLECTION = "collection", _("Collecting answers")
    ANALYSIS = "analysis", _("Analysis")
    WRITING = "writing", _("Writing the report")
    FACTUAL_CHECK = "factual_check", _("Fact check by the service")
    PUBLISHED = "published", _("Report published")
    RESPONSE = "response", _("The service answers")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")


class Audit(models.Model):
    space = models.OneToOneField(Space, on_delete=models.CASCADE, related_name="audit")
    service = models.ForeignKey(
        Organisation,
        verbose_name=_("service that is audited"),
        on_delete=models.PROTECT,
        related_name="audits",
    )
    commissioner = models.ForeignKey(
        Organisation,
        verbose_name=_("commissioned by"),
        on_delete=models.PROTECT,
        related_name="commissioned_audits",
    )
    question = models.TextField(_("what the audit examines"), max_length=2000)
    target_group = models.CharField(_("who is asked"), max_length=300)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.COMMISSIONED)
    # The agreement, accepted by both sides before the planning starts.
    timetable = models.TextField(_("timetable"), max_length=2000, blank=True)
    who_informs = models.TextField(
        _("who tells the respondents about the audit"), max_length=1000, blank=True
    )
    reporting_back = models.TextField(_("how the results are reported back"), max_length=1000, blank=True)
    service_accepted_at = models.DateTimeField(null=True, blank=True)
    service_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auditors_accepted_at = models.DateTimeField(null=True, blank=True)
    auditors_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Information for respondents (a letter, also in easy-read): public, linked from the questionnaires.
    information = models.TextField(_("information for respondents"), max_length=8000, blank=True)
    information_easy_read = models.TextField(_("the information in easy-read"), max_length=8000, blank=True)
    follow_up_months = models.PositiveSmallIntegerField(
        _("months until the follow-up"), default=6, validators=[MinValueValidator(1), MaxValueValidator(36)]
    )
    retention_months = models.PositiveSmallIntegerField(
        _("months that raw answers are kept after publication"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    published_at = models.DateTimeField(null=True, blank=True)
    follow_up_due_on = models.DateField(null=True, blank=True, db_index=True)
    follow_up_reminded_at = models.DateTimeField(null=True, blank=True)
    raw_answers_deleted_at = models.DateTimeField(null=True, blank=True)
    # The figures of the questionnaires as published in the report (protected by each survey's
    # threshold): they stay when the raw answers are deleted. See figures.py.
    results_snapshot = models.JSONField(null=True, blank=True)
    follows_up = models.ForeignKey(
        "self",
        verbose_name=_("follows up the audit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("user-led audit")
        verbose_name_plural = _("user-led audits")

    def __str__(self) -> str:
        return self.space.title

    def get_absolute_url(self) -> str:
        return reverse("audits:detail", kwargs={"slug": self.space.slug})

    @property
    def agreement_accepted(self) -> bool:
        return self.service_accepted_at is not None and self.auditors_accepted_at is not None


class PhaseChange(models.Model):
    """The audit's timeline: every phase change, who made it and why."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="phase_changes")
    from_phase = models.CharField(max_length=16, choices=Phase.choices)
    to_phase = models.CharField(max_length=16, choices=Phase.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_phase} → {self.to_phase}"


class AuditorProfile(models.Model):
    """A person in the auditor pool: trained to audit services, with what they know and when they can."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="auditor_profile"
    )
    experience_areas = models.CharField(
        _("experience areas"),
        max_length=500,
        blank=True,
        help_text=_("For example: housing support, addiction care, psychiatry."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    availability = models.CharField(_("when you can take part"), max_length=300, blank=True)
    available = models.BooleanField(_("I can take part in an audit now"), default=True)
    # A service's own users cannot audit it: the services the person uses are recorded and checked.
    services_used = models.ManyToManyField(
        Organisation, verbose_name=_("services you use yourself"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("auditor")
        verbose_name_plural = _("auditor pool")

    def __str__(self) -> str:
        return str(self.user)


class Training(models.Model):
    profile = models.ForeignKey(AuditorProfile, on_delete=models.CASCADE, related_name="trainings")
    course = models.CharField(_("course"), max_length=200)
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("to"))
    hours = models.PositiveSmallIntegerField(
        _("hours"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )

    class Meta:
        ordering = ["-ended_on", "-id"]

    def __str__(self) -> str:
        return self.course


class TeamRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    AUDITOR = "auditor", _("User auditor")


class TeamMember(models.Model):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_teams")
    role = models.CharField(_("role"), max_length=16, choices=TeamRole.choices, default=TeamRole.AUDITOR)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "user"], name="uniq_audit_team_member")]
        ordering = ["role", "created_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"


class SectionKind(models.TextChoices):
    EASY_READ = "easy_read", _("Easy-read summary")
    BACKGROUND = "background", _("Background")
    METHOD = "method", _("Method")
    FINDINGS = "findings", _("Findings")
    RECOMMENDATIONS = "recommendations", _("Recommendations")


class ReportSection(models.Model):
    """One section of the report, written by the auditors together. `version` grows with every save; a
    save made from an older version is refused, so two auditors writing at once never lose text."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=16, choices=SectionKind.choices)
    text = models.TextField(_("text"), max_length=20000, blank=True)
    text_html = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["audit", "kind"], name="uniq_report_section")]

    def __str__(self) -> str:
        return f"{self.audit_id}: {self.kind}"


class Stance(models.TextChoices):
    AGREE = "agree", _("We agree")
    PARTLY = "partly", _("We partly agree")
    DISAGREE = "disagree", _("We disagree")


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Recommendation(models.Model):
    """A recommendation of the report, and the service's answer to it with an action plan."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("recommendation"), max_length=2000)
    stance = models.CharField(_("the service's view"), max_length=12, choices=Stance.choices, blank=True)
    answer = models.TextField(_("the service's answer"), max_length=4000, blank=True)
    action = models.TextField(_("what the service will do"), max_length=2000, blank=True)
    owner = models.CharField(_("who is responsible"), max_length=200, blank=True)
    deadline = models.DateField(_("by when"), null=True, blank=True)
    progress = models.CharField(
        _("progress"), max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_overdue(self) -> bool:
        return (
            self.deadline is not None
            and self.progress != Progress.DONE
            and self.deadline < timezone.localdate()
        )
