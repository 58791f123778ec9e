"""Every read of the learning paths used by the views. Reflections are read only for their author."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.http import Http404

from medvind.knowledge import selectors as knowledge_selectors
from medvind.knowledge.models import Item, ItemStatus
from medvind.knowledge.selectors import writable_organisations

from .models import Enrolment, Path, Reflection, Step


def _visible(viewer: Any) -> QuerySet[Path]:
    """Published paths, and the drafts the viewer may change."""
    if viewer.is_superuser:
        return Path.objects.all()
    visible = Q(published=True)
    if viewer.is_authenticated:
        visible |= Q(organisation__in=writable_organisations(viewer))
    return Path.objects.filter(visible)


def paths_visible(viewer: Any, language: str = "") -> QuerySet[Path]:
    """The paths the viewer may see, with their number of steps."""
    paths = _visible(viewer)
    if language:
        paths = paths.filter(language=language)
    return paths.annotate(step_count=Count("steps")).order_by("language", "title")


def path_for_new_members(language: str) -> Path | None:
    """The published path suggested to new members: the one in their language, else the oldest."""
    other_language = Case(When(language=language, then=Value(0)), default=Value(1))
    return Path.objects.filter(published=True, for_new_members=True).order_by(other_language, "pk").first()


def item_choices(viewer: Any, path: Path, query: str) -> list[Item]:
    """Published items in the path's language that are not steps yet, for the path builder."""
    items = knowledge_selectors.search(viewer, query=query, language=path.language)
    items = items.filter(status=ItemStatus.PUBLISHED).exclude(learning_steps__path=path)
    return list(items.select_related(None).only("slug", "title", "kind", "language", "summary")[:10])


def path_get(viewer: Any, slug: str) -> Path:
    path = Path.objects.filter(slug=slug).first()
    if path is None or not viewer.has_perm("learning.view_path", path):
        raise Http404
    return path


@dataclass
class Progress:
    path: Path
    steps: list[Step]
    enrolment: Enrolment | None = None
    done: set[int] = field(default_factory=set)
    reflections: dict[int, str] = field(default_factory=dict)

    @property
    def done_count(self) -> int:
        return len(self.done)

    @property
    def total(self) -> int:
        return len(self.steps)


def progress(viewer: Any, path: Path) -> Progress:
    """The path's steps with the viewer's own enrolment, steps done and private answers."""
    steps = list(path.steps.select_related("item").order_by("position"))
    result = Progress(path=path, steps=steps)
    if viewer.is_authenticated:
        _own(viewer, path, result)
    for step in steps:
        step.is_done = step.pk in result.done  # type: ignore[attr-defined]
        step.reflection = result.reflections.get(step.pk, "")  # type: ignore[attr-defined]
    return result


def _own(viewer: Any, path: Path, result: Progress) -> None:
    result.enrolment = Enrolment.objects.filter(person=viewer, path=path).first()
    if result.enrolment is not None:
        result.done = set(result.enrolment.done.values_list("step_id", flat=True))
        result.reflections = dict(
            Reflection.objects.filter(person=viewer, step__path=path).values_list("step_id", "text")
        )


def enrolments_of(viewer: Any) -> QuerySet[Enrolment]:
    """The viewer's own paths, newest first, with steps done and the number of steps."""
    return (
        Enrolment.objects.filter(person=viewer)
        .select_related("path")
        .annotate(
            done_count=Count("done", distinct=True),
            step_count=Count("path__steps", distinct=True),
        )
        .order_by("completed_at", "-started_at")
    )


def completed_enrolment(viewer: Any, path: Path) -> Enrolment:
    enrolment = (
        Enrolment.objects.filter(person=viewer, path=path, completed_at__isnull=False)
        .select_related("person", "path")
        .annotate(step_count=Count("path__steps"))
        .first()
    )
    if enrolment is None:
        raise Http404
    return enrolment


def statistics(viewer: Any) -> QuerySet[Path]:
    """How many started and completed each path the viewer may see: counts only, never who or what they
    answered."""
    return (
        _visible(viewer)
        .annotate(
            started=Count("enrolments"),
            completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)),
        )
        .order_by("language", "title")
    )
