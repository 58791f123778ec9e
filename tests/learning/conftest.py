import pytest

from medvind.knowledge.models import Item
from medvind.learning import services
from medvind.learning.models import Path
from tests.factories import AdminFactory, UserFactory

QUESTIONS = [
    "Vad betyder brukarinflytande för dig?",
    "",
    "Vilken fråga skulle du vilja ställa i en intervju om boendestöd?",
]


def make_items(count: int, prefix: str = "Brukarrevision") -> list[Item]:
    start = Item.objects.count()
    return [
        Item.objects.create(
            kind="article",
            title=f"{prefix} del {start + n}",
            slug=f"item-{start + n}",
            language="sv",
            status="published",
            audiences=["everyone"],
        )
        for n in range(1, count + 1)
    ]


def make_path(title: str = "Bli brukarrevisor", steps: int = 3, published: bool = True, **extra) -> Path:
    items = make_items(steps)
    questions = (QUESTIONS * steps)[:steps]
    return services.path_create(
        actor=AdminFactory(),
        title=title,
        language="sv",
        steps=list(zip(items, questions, strict=True)),
        description="Om intervjuer, enkät och boendestöd.",
        published=published,
        hours=6,
        **extra,
    )


@pytest.fixture
def path(db) -> Path:
    return make_path()


@pytest.fixture
def person(db):
    return UserFactory(display_name="Ahmed", language="sv")
