"""Starting a path, marking steps done, private answers and completing a path."""

import pytest

from medvind.audits.models import Training
from medvind.core.errors import DomainError, NotAllowed
from medvind.learning import services
from medvind.learning.models import Enrolment, Reflection, StepDone

from .conftest import make_path

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script>' OR 1=1 --"


def finish(person, path):
    services.path_start(actor=person, path=path)
    enrolment = None
    for step in path.steps.order_by("position"):
        enrolment = services.step_done(actor=person, path=path, step=step)
    return enrolment


def test_a_person_starts_a_path_once_even_when_starting_twice(path, person):
    first = services.path_start(actor=person, path=path)
    second = services.path_start(actor=person, path=path)
    assert first == second
    assert Enrolment.objects.filter(person=person, path=path).count() == 1


def test_a_draft_path_cannot_be_started(person):
    draft = make_path(title="Utkast", published=False)
    with pytest.raises(NotAllowed):
        services.path_start(actor=person, path=draft)
    assert not Enrolment.objects.exists()


def test_marking_a_step_done_on_a_path_not_started_is_refused(path, person):
    with pytest.raises(DomainError, match="Start the learning path first"):
        services.step_done(actor=person, path=path, step=path.steps.first())
    assert not StepDone.objects.exists()


def test_marking_a_step_done_twice_is_refused(path, person):
    services.path_start(actor=person, path=path)
    step = path.steps.first()
    services.step_done(actor=person, path=path, step=step)
    with pytest.raises(DomainError, match="already marked this step as done"):
        services.step_done(actor=person, path=path, step=step)
    assert StepDone.objects.count() == 1


def test_a_step_of_another_path_is_refused(path, person):
    other = make_path(title="Vara brukarrepresentant")
    services.path_start(actor=person, path=path)
    with pytest.raises(DomainError, match="belongs to another learning path"):
        services.step_done(actor=person, path=path, step=other.steps.first())
    assert not StepDone.objects.exists()


def test_nobody_marks_steps_in_someone_elses_enrolment(path, person):
    from tests.factories import UserFactory

    services.path_start(actor=person, path=path)
    stranger = UserFactory()
    with pytest.raises(DomainError):
        services.step_done(actor=stranger, path=path, step=path.steps.first())
    assert not StepDone.objects.exists()
    assert not Enrolment.objects.filter(person=stranger).exists()


def test_the_last_step_completes_the_path(path, person):
    services.path_start(actor=person, path=path)
    steps = list(path.steps.order_by("position"))
    for step in steps[:-1]:
        assert services.step_done(actor=person, path=path, step=step).completed_at is None
    assert services.step_done(actor=person, path=path, step=steps[-1]).completed_at is not None


def test_completing_a_path_that_records_auditor_training_adds_it_to_the_pool(person):
    path = make_path(title="Bli brukarrevisor", records_auditor_training=True)
    finish(person, path)
    training = Training.objects.get(profile__user=person)
    assert (training.course, training.hours) == ("Bli brukarrevisor", 6)
    assert training.started_on <= training.ended_on


def test_completing_an_ordinary_path_records_no_training(path, person):
    finish(person, path)
    assert not Training.objects.exists()


def test_a_reflection_is_saved_for_its_author_and_can_be_changed(path, person):
    services.path_start(actor=person, path=path)
    step = path.steps.get(position=1)
    services.reflection_save(actor=person, path=path, step=step, text="Att bli lyssnad på.")
    services.reflection_save(actor=person, path=path, step=step, text=HOSTILE)
    assert Reflection.objects.get(person=person, step=step).text == HOSTILE


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write your answer"), ("   ", "Write your answer"), ("x" * 4001, "at most 4000")],
)
def test_an_empty_or_too_long_reflection_is_refused(path, person, text, message):
    services.path_start(actor=person, path=path)
    with pytest.raises(DomainError, match=message):
        services.reflection_save(actor=person, path=path, step=path.steps.get(position=1), text=text)
    assert not Reflection.objects.exists()


def test_a_reflection_needs_a_started_path_and_a_question(path, person):
    with pytest.raises(DomainError, match="Start the learning path first"):
        services.reflection_save(actor=person, path=path, step=path.steps.get(position=1), text="Svar")
    services.path_start(actor=person, path=path)
    with pytest.raises(DomainError, match="no question"):
        services.reflection_save(actor=person, path=path, step=path.steps.get(position=2), text="Svar")
    assert not Reflection.objects.exists()


def test_the_text_of_a_reflection_never_reaches_the_audit_log(path, person):
    from medvind.core.models import AuditLogEntry

    services.path_start(actor=person, path=path)
    services.reflection_save(actor=person, path=path, step=path.steps.get(position=1), text="Min hemlighet")
    assert "Min hemlighet" not in str(list(AuditLogEntry.objects.values()))
    assert "Min hemlighet" not in str(Reflection.objects.get())


def test_only_staff_and_platform_admins_create_paths(person):
    from medvind.learning.models import Path

    with pytest.raises(NotAllowed):
        services.path_create(actor=person, title="Egen", language="sv", steps=[])
    assert not Path.objects.exists()


def test_staff_write_paths_only_for_their_own_organisation(person):
    from medvind.core.models import OrganisationMembership
    from medvind.learning.models import Path
    from tests.factories import OrganisationFactory

    own, other = OrganisationFactory(), OrganisationFactory()
    OrganisationMembership.objects.create(organisation=own, user=person, role="staff")
    with pytest.raises(DomainError, match="organisation where you are staff"):
        services.path_create(actor=person, title="Egen", language="sv", organisation=other)
    with pytest.raises(DomainError, match="organisation where you are staff"):
        services.path_create(actor=person, title="Egen", language="sv", organisation=None)
    path = services.path_create(actor=person, title="Egen", language="sv", organisation=own)
    assert Path.objects.get() == path and not path.published


@pytest.mark.parametrize(
    ("title", "language", "with_steps", "message"),
    [
        ("", "sv", True, "Write a title"),
        ("x" * 201, "sv", True, "Write a title"),
        ("Bra titel", "xx", True, "Choose a language"),
        ("Bra titel", "sv", False, "at least one step"),
    ],
)
def test_a_published_path_with_bad_input_is_refused(title, language, with_steps, message):
    from medvind.learning.models import Path
    from tests.factories import AdminFactory

    from .conftest import make_items

    steps = [(item, "") for item in make_items(1)] if with_steps else []
    with pytest.raises(DomainError, match=message):
        services.path_create(
            actor=AdminFactory(), title=title, language=language, steps=steps, published=True
        )
    assert not Path.objects.exists()
