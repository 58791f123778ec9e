"""The demo paths exist in all five languages, every step uses a real item of the shared knowledge demo in
the path's language (never a made-up fallback), and people are on their way, also when the learning demo
loads on the core demo alone. Exempelkommun has a draft path that only its staff see."""

import pytest
from django.contrib.auth.models import AnonymousUser

from medvind.accounts.models import User
from medvind.audits.models import Training
from medvind.core.demo import load_demo as core_demo
from medvind.knowledge.demo import load_demo as knowledge_demo
from medvind.knowledge.models import Item, ItemStatus
from medvind.learning import demo, selectors
from medvind.learning.models import Enrolment, Path, Reflection

pytestmark = pytest.mark.django_db

LANGUAGES = {"da", "sv", "nb", "nn", "en"}
TITLES = {
    "participation": {
        "da": "Hvad er brugerinddragelse?",
        "sv": "Vad är brukarinflytande?",
        "nb": "Hva er brukermedvirkning?",
        "nn": "Kva er brukarmedverknad?",
        "en": "What is user participation?",
    },
    "representative": {
        "da": "At være brugerrepræsentant",
        "sv": "Att vara brukarrepresentant",
        "nb": "Å være brukerrepresentant",
        "nn": "Å vere brukarrepresentant",
        "en": "Being a user representative",
    },
    "auditor": {
        "da": "Bliv brugerrevisor",
        "sv": "Bli brukarrevisor",
        "nb": "Bli brukerrevisor",
        "nn": "Verte brukarrevisor",
        "en": "Becoming a user auditor",
    },
}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def check_paths() -> None:
    assert Path.objects.count() == 16
    assert Path.objects.filter(organisation=None, published=True).count() == 15
    for key, titles in TITLES.items():
        assert set(titles) == LANGUAGES
        for language, title in titles.items():
            path = Path.objects.get(title=title)
            assert path.language == language and path.published
            assert path.for_new_members == (key == "representative")
            assert path.records_auditor_training == (key == "auditor")
            assert path.audiences == (["auditors"] if key == "auditor" else ["everyone"])
            assert path.steps.count() == (3 if key == "auditor" else 4)
    for path in Path.objects.filter(organisation=None):
        for step in path.steps.select_related("item"):
            item = step.item
            assert item.language == path.language, (path.title, item.title)
            assert item.status == ItemStatus.PUBLISHED and item.organisation is None
            assert not item.slug.startswith("learning-demo-") and item.body != item.title
            assert item.translation_group, item.title  # an item of the knowledge demo, not a fallback
            group = Item.objects.filter(translation_group=item.translation_group)
            assert set(group.values_list("language", flat=True)) == LANGUAGES
        questions = [q for q in path.steps.values_list("question", flat=True) if q]
        assert len(questions) >= 3, path.title
    assert selectors.path_for_new_members("da").title == "At være brugerrepræsentant"
    assert selectors.path_for_new_members("nn").title == "Å vere brukarrepresentant"


def check_draft() -> None:
    draft = Path.objects.get(title="Introduktion för nya i utvecklingsgruppen")
    assert draft.organisation.slug == "exempelkommun" and draft.language == "sv"
    assert not draft.published and not draft.for_new_members and not draft.records_auditor_training
    steps = list(draft.steps.select_related("item").order_by("position"))
    assert [step.position for step in steps] == [1, 2]
    for step in steps:
        assert step.item.language == "sv" and step.item.status == ItemStatus.PUBLISHED
        assert step.item.organisation is None and step.item.translation_group
    assert len([step for step in steps if step.question]) == 1
    assert not draft.enrolments.exists()
    facilitator = User.objects.get(email="facilitator@demo.example")
    assert draft in selectors.paths_visible(facilitator)
    assert facilitator.has_perm("learning.change_path", draft)
    assert draft not in selectors.paths_visible(AnonymousUser())
    representative = User.objects.get(email="representative@demo.example")
    assert draft not in selectors.paths_visible(representative)
    assert not representative.has_perm("learning.view_path", draft)
    assert selectors.path_for_new_members("sv").title == "Att vara brukarrepresentant"


def check_people() -> None:
    pia = Enrolment.objects.get(person__email="participant@demo.example")
    assert pia.path.title == "Vad är brukarinflytande?"
    assert pia.completed_at is None and pia.done.count() == 1
    assert Reflection.objects.filter(person__email="participant@demo.example").count() == 1
    ahmed = Enrolment.objects.get(person__email="auditor@demo.example")
    assert ahmed.path.title == "Bli brukarrevisor" and ahmed.completed_at is not None
    assert Training.objects.filter(
        profile__user__email="auditor@demo.example", course="Bli brukarrevisor"
    ).exists()
    mette = Enrolment.objects.get(person__email="deltager@demo.example")
    assert mette.path.title == "At være brugerrepræsentant" and mette.path.language == "da"
    assert mette.completed_at is None
    assert list(mette.done.values_list("step__position", flat=True)) == [1]


def test_the_demo_ships_three_paths_in_five_languages_with_people_on_their_way():
    core_demo()
    knowledge_demo()
    items = Item.objects.count()
    demo.load_demo()
    demo.load_demo()  # once
    assert Item.objects.count() == items  # uses the knowledge demo, makes no items of its own
    check_paths()
    check_draft()
    check_people()


def test_the_demo_loads_on_the_core_demo_alone_with_the_real_knowledge_items():
    core_demo()
    demo.load_demo()
    check_paths()
    check_draft()
    check_people()
    assert Item.objects.filter(title="Värdet av egen erfarenhet", language="sv").count() == 1


def test_an_older_demo_gets_only_the_draft():
    core_demo()
    demo.load_demo()
    Path.objects.exclude(organisation=None).delete()
    demo.load_demo()
    check_paths()
    check_draft()
    check_people()
