"""Every write of the learning paths."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from medvind.audits import services as audits_services
from medvind.core import audit as log
from medvind.core.errors import DomainError
from medvind.core.models import Organisation
from medvind.core.rules import may_write_for
from medvind.core.services import require, unique_slug
from medvind.knowledge.models import Audience, Item, ItemStatus

from .models import Enrolment, Path, Reflection, Step, StepDone

REFLECTION_MAX = 4000
MAX_STEPS = 50


PATH_FIELDS = (
    "title",
    "description",
    "language",
    "audiences",
    "hours",
    "for_new_members",
    "records_auditor_training",
)


def _check(values: dict[str, Any]) -> dict[str, Any]:
    values = dict(values, title=values["title"].strip(), description=values["description"].strip())
    if not values["title"] or len(values["title"]) > 200:
        raise DomainError(_("Write a title of at most 200 characters."))
    if len(values["description"]) > 4000:
        raise DomainError(_("The description can be at most %(max)s characters.") % {"max": 4000})
    if values["language"] not in dict(settings.LANGUAGES):
        raise DomainError(_("Choose a language."))
    if not values["audiences"] or not set(values["audiences"]) <= set(Audience.values):
        raise DomainError(_("Choose who the path is for."))
    if not 1 <= values["hours"] <= 200:
        raise DomainError(_("Give the hours as a number from 1 to 200."))
    return values


def _check_item(item: Item) -> None:
    if item.status != ItemStatus.PUBLISHED:
        raise DomainError(_("A step can only use a published item of the knowledge bank."))


@transaction.atomic
def path_create(
    *,
    actor: Any,
    title: str,
    language: str,
    organisation: Organisation | None = None,
    steps: Sequence[tuple[Item, str]] = (),
    description: str = "",
    audiences: Sequence[str] = (Audience.EVERYONE,),
    hours: int = 1,
    published: bool = False,
    for_new_members: bool = False,
    records_auditor_training: bool = False,
    slug: str = "",
) -> Path:
    """A path for an organisation (or, by a platform admin, for the shared collection), with its steps
    in order: each a published item and a reflection question (may be empty). A path is published only
    with at least one step."""
    require(actor, "learning.create_path")
    if not may_write_for(actor, organisation):
        raise DomainError(_("You can only write paths for an organisation where you are staff."))
    values = _check(
        {
            "title": title,
            "description": description,
            "language": language,
            "audiences": list(audiences),
            "hours": hours,
            "for_new_members": for_new_members,
            "records_auditor_training": records_auditor_training,
        }
    )
    if published and not steps:
        raise DomainError(_("A learning path needs at least one step."))
    for item, _question in steps:
        _check_item(item)
    path = Path.objects.create(
        slug=unique_slug(Path, slug or title), organisation=organisation, published=published, **values
    )
    Step.objects.bulk_create(
        Step(path=path, position=number, item=item, question=question.strip()[:400])
        for number, (item, question) in enumerate(steps, start=1)
    )
    log.record(actor=actor, action="learning.path_create", obj=path, organisation=organisation)
    return path


@transaction.atomic
def path_update(*, actor: Any, path: Path, **values: Any) -> Path:
    require(actor, "learning.change_path", path)
    unknown = set(values) - set(PATH_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    values = _check({field: getattr(path, field) for field in PATH_FIELDS} | values)
    changes = log.diff(path, {k: v for k, v in values.items() if k != "description"})
    for field, value in values.items():
        setattr(path, field, value)
    path.save()
    log.record(
        actor=actor, action="learning.path_update", obj=path, changes=changes, organisation=path.organisation
    )
    return path


@transaction.atomic
def path_publish(*, actor: Any, path: Path, published: bool) -> Path:
    require(actor, "learning.change_path", path)
    if published and not path.steps.exists():
        raise DomainError(_("A learning path needs at least one step."))
    if path.published != published:
        path.published = published
        path.save(update_fields=["published"])
        log.record(
            actor=actor,
            action="learning.path_publish" if published else "learning.path_unpublish",
            obj=path,
            organisation=path.organisation,
        )
    return path


@transaction.atomic
def step_add(*, actor: Any, path: Path, item: Item, question: str = "") -> Step:
    """A new last step. People who completed the path before keep their certificate."""
    require(actor, "learning.change_path", path)
    _check_item(item)
    if len(question.strip()) > 400:
        raise DomainError(_("A question can be at most %(max)s characters.") % {"max": 400})
    Path.objects.select_for_update().filter(pk=path.pk).first()  # two adds at once queue for the position
    if path.steps.count() >= MAX_STEPS:
        raise DomainError(_("A learning path can have at most %(max)s steps.") % {"max": MAX_STEPS})
    last = path.steps.aggregate(last=Max("position"))["last"] or 0
    step = Step.objects.create(path=path, position=last + 1, item=item, question=question.strip())
    log.record(
        actor=actor,
        action="learning.step_add",
        obj=path,
        changes={"step": [None, step.position], "item": [None, item.slug]},
        organisation=path.organisation,
    )
    return step


def _step_of(path: Path, step: Step) -> Step:
    if step.path_id != path.pk:
        raise DomainError(_("This step belongs to another learning path."))
    return step


@transaction.atomic
def step_change(*, actor: Any, path: Path, step: Step, question: str) -> Step:
    require(actor, "learning.change_path", path)
    _step_of(path, step)
    question = question.strip()
    if len(question) > 400:
        raise DomainError(_("A question can be at most %(max)s characters.") % {"max": 400})
    changes = log.diff(step, {"question": question})
    step.question = question
    step.save(update_fields=["question"])
    log.record(actor=actor, action="learning.step_change", obj=path, changes=changes)
    return step


@transaction.atomic
def step_move(*, actor: Any, path: Path, step: Step, up: bool) -> None:
    """Swap the step with the one before (up) or after it; nothing happens at either end."""
    require(actor, "learning.change_path", path)
    _step_of(path, step)
    steps = path.steps.select_for_update()
    other = (
        steps.filter(position__lt=step.position).order_by("-position").first()
        if up
        else steps.filter(position__gt=step.position).order_by("position").first()
    )
    if other is None:
        return
    mine, theirs = step.position, other.position
    Step.objects.filter(pk=step.pk).update(position=0)  # positions are unique within a path
    Step.objects.filter(pk=other.pk).update(position=mine)
    Step.objects.filter(pk=step.pk).update(position=theirs)
    step.position = theirs
    log.record(actor=actor, action="learning.step_move", obj=path, changes={"step": [mine, theirs]})


@transaction.atomic
def step_remove(*, actor: Any, path: Path, step: Step) -> None:
    """Remove a step; the steps after it move up. Marks and answers of the step go with it."""
    require(actor, "learning.change_path", path)
    _step_of(path, step)
    position = step.position
    step.delete()
    for later in path.steps.filter(position__gt=position).order_by("position"):
        Step.objects.filter(pk=later.pk).update(position=later.position - 1)
    log.record(actor=actor, action="learning.step_remove", obj=path, changes={"step": [position, None]})


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
