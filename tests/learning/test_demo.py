"""The demo paths load on the core demo alone (making their own items) and show in the pool."""

import pytest

from medvind.audits.models import Training
from medvind.core.demo import load_demo as core_demo
from medvind.learning import demo
from medvind.learning.models import Enrolment, Path, Reflection

pytestmark = pytest.mark.django_db


def test_the_demo_ships_three_paths_in_swedish_and_english_with_people_on_their_way():
    core_demo()
    demo.load_demo()
    demo.load_demo()
    titles = set(Path.objects.values_list("title", flat=True))
    assert {"What is user participation?", "Being a user representative", "Becoming a user auditor"} <= titles
    assert {"Vad är brukarinflytande?", "Att vara brukarrepresentant", "Bli brukarrevisor"} <= titles
    assert all(path.steps.count() == 3 for path in Path.objects.all())
    pia = Enrolment.objects.get(person__email="participant@demo.example")
    assert pia.completed_at is None and pia.done.count() == 1
    assert Reflection.objects.filter(person__email="participant@demo.example").count() == 1
    ahmed = Enrolment.objects.get(person__email="auditor@demo.example")
    assert ahmed.completed_at is not None
    assert Training.objects.filter(
        profile__user__email="auditor@demo.example", course="Bli brukarrevisor"
    ).exists()
