"""Learning paths: ordered steps through knowledge items, each with an optional reflection question
answered privately. See docs/learning.md."""

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation
from medvind.knowledge.models import Audience, Item

__all__ = ["Audience", "Enrolment", "Path", "Reflection", "Step", "StepDone"]


class Path(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, db_index=True)
    audiences = models.JSONField(_("for whom"), default=list)  # knowledge.Audience values
    hours = models.PositiveSmallIntegerField(_("hours"), default=1)
    published = models.BooleanField(_("published"), default=False)
    # Written for an organisation by its staff, or (no owner) part of the shared collection of the
    # platform admins, as knowledge items are.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="learning_paths",
    )
    # Suggested in the welcome that new members of a space get (in their language, when there is one).
    for_new_members = models.BooleanField(_("suggest to new members"), default=False)
    # Completing the path records the training in the person's entry in the auditor pool.
    records_auditor_training = models.BooleanField(_("records auditor training"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:path", kwargs={"slug": self.slug})

    def audience_labels(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels[value]) for value in self.audiences if value in labels]


class Step(models.Model):
    path = models.ForeignKey(Path, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="learning_steps")
    question = models.CharField(_("reflection question"), max_length=400, blank=True)

    class Meta:
        ordering = ["path", "position"]
        constraints = [models.UniqueConstraint(fields=["path", "position"], name="learning_step_position")]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return f"{self.path_id}.{self.position}"

    def item_url(self) -> str:
        """The item's page, or nothing while the knowledge bank has no pages to link to."""
        try:
            return self.item.get_absolute_url()
        except NoReverseMatch:
            return ""


class Enrolment(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_enrolments"
    )
    path = models.ForeignKey(Path, on_delete=models.CASCADE, related_name="enrolments")
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "path"], name="learning_one_enrolment")]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.path_id}"


class StepDone(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="done")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="+")
    done_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "step"], name="learning_step_done_once")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.step_id}"


class Reflection(models.Model):
    """One person's private answer to a step's question. Only its author ever sees the text."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_reflections"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(max_length=4000)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "step"], name="learning_one_reflection")]

    def __str__(self) -> str:
        # Never the text: this string may end up in logs or lists.
        return f"reflection {self.pk}"
