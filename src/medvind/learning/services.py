"""Every write of the learning paths."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.audits import services as audits_services
from medvind.core import audit as log
from medvind.core.errors import DomainError
from medvind.core.services import require, unique_slug
from medvind.knowledge.models import Audience, Item

from .models import Enrolment, Path, Reflection, Step, StepDone

REFLECTION_MAX = 4000


@transaction.atomic
def path_create(
    *,
    actor: Any,
    title: str,
    language: str,
    steps: Sequence[tuple[Item, str]],
    description: str = "",
    audiences: Sequence[str] = (Audience.EVERYONE,),
    hours: int = 1,
    published: bool = False,
    records_auditor_training: bool = False,
    slug: str = "",
) -> Path:
    """A path with its steps in order: each an item and a reflection question (may be empty)."""
    require(actor, "learning.manage_paths")
    title = title.strip()
    if not title or len(title) > 200:
        raise DomainError(_("Write a title of at most 200 characters."))
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose a language."))
    if not steps:
        raise DomainError(_("A learning path needs at least one step."))
    if not set(audiences) <= set(Audience.values):
        raise DomainError(_("Choose who the path is for."))
    if not 1 <= hours <= 200:
        raise DomainError(_("Give the hours as a number from 1 to 200."))
    unique = unique_slug(Path, slug or title)
    path = Path.objects.create(
        title=title,
        slug=unique,
        description=description.strip(),
        language=language,
        audiences=list(audiences),
        hours=hours,
        published=published,
        records_auditor_training=records_auditor_training,
    )
    Step.objects.bulk_create(
        Step(path=path, position=number, item=item, question=question.strip()[:400])
        for number, (item, question) in enumerate(steps, start=1)
    )
    log.record(actor=actor, action="learning.path_create", obj=path)
    return path


@transaction.atomic
def path_start(*, actor: Any, path: Path) -> Enrolment:
    """Start a path. Starting one already started changes nothing."""
    require(actor, "learning.start_path", path)
    enrolment, created = Enrolment.objects.get_or_create(person=actor, path=path)
    if created:
        log.record(actor=actor, action="learning.start", obj=enrolment)
    return enrolment


def _own_enrolment(actor: Any, path: Path, step: Step) -> Enrolment:
    if step.path_id != path.pk:
        raise DomainError(_("This step belongs to another learning path."))
    if not getattr(actor, "is_authenticated", False):
        raise DomainError(_("Start the learning path first."))
    enrolment = Enrolment.objects.select_for_update().filter(person=actor, path=path).first()
    if enrolment is None:
        raise DomainError(_("Start the learning path first."))
    return enrolment


@transaction.atomic
def step_done(*, actor: Any, path: Path, step: Step) -> Enrolment:
    """Mark a step of a started path as done. The last step completes the path; completing a path
    that records auditor training adds the training to the person's entry in the auditor pool."""
    enrolment = _own_enrolment(actor, path, step)
    if StepDone.objects.filter(enrolment=enrolment, step=step).exists():
        raise DomainError(_("You have already marked this step as done."))
    StepDone.objects.create(enrolment=enrolment, step=step)
    log.record(actor=actor, action="learning.step_done", obj=enrolment, changes={"step": step.position})
    remaining = path.steps.exclude(pk__in=enrolment.done.values("step_id")).exists()
    if not remaining and enrolment.completed_at is None:
        now = timezone.now()
        enrolment.completed_at = now
        enrolment.save(update_fields=["completed_at"])
        log.record(actor=actor, action="learning.complete", obj=enrolment)
        if path.records_auditor_training:
            audits_services.training_add(
                actor=actor,
                course=path.title,
                started_on=timezone.localdate(enrolment.started_at),
                ended_on=timezone.localdate(now),
                hours=path.hours,
            )
    return enrolment


@transaction.atomic
def reflection_save(*, actor: Any, path: Path, step: Step, text: str) -> Reflection:
    """Save one's private answer to a step's question. Nothing of the text goes to the audit log."""
    _own_enrolment(actor, path, step)
    if not step.question:
        raise DomainError(_("This step has no question to answer."))
    text = text.strip()
    if not text:
        raise DomainError(_("Write your answer."))
    if len(text) > REFLECTION_MAX:
        raise DomainError(_("An answer can be at most %(max)s characters.") % {"max": REFLECTION_MAX})
    reflection, _created = Reflection.objects.update_or_create(
        person=actor, step=step, defaults={"text": text, "updated_at": timezone.now()}
    )
    return reflection
