"""Demo data of the learning paths, loaded by `manage.py load_demo` after the knowledge demo.

Three paths in Swedish and in English: "What is user participation?", "Being a user representative"
and "Becoming a user auditor". Each step uses a published knowledge item whose title matches what the
step is about; without the knowledge demo the steps use a few short items made here. Pia
(participant@demo.example) is part-way through the first path; Ahmed (auditor@demo.example) has
completed "Becoming a user auditor", so his training shows in the auditor pool."""

import datetime as dt

from django.utils import timezone

from medvind.accounts.models import User
from medvind.knowledge.models import Item

from . import services
from .models import Enrolment, Path

# (language, title, description, hours, records auditor training, [(words to look for, fallback item
# title, question)])
PATHS = [
    (
        "sv",
        "Vad är brukarinflytande?",
        "En kort väg för alla. Du får veta vad brukarinflytande är och varför det är viktigt.",
        1,
        False,
        [
            (
                ["brukarinflytande", "delaktighet"],
                "Vad är brukarinflytande?",
                "Vad betyder inflytande för dig?",
            ),
            (["erfarenhet"], "Värdet av egen erfarenhet", "När har någon lyssnat på dig på riktigt?"),
            (["lättläst"], "Så skriver du lättläst", ""),
        ],
    ),
    (
        "sv",
        "Att vara brukarrepresentant",
        "För dig som ska företräda andra brukare i ett råd eller en grupp.",
        2,
        False,
        [
            (
                ["brukarråd", "möte"],
                "Så förbereder du dig inför ett möte i brukarrådet",
                "Vad vill du ta upp på nästa möte?",
            ),
            (
                ["representant", "företräd"],
                "Rollen som brukarrepresentant",
                "Vem talar du för, och hur får du veta vad de tycker?",
            ),
            (["brukarinflytande"], "Vad är brukarinflytande?", ""),
        ],
    ),
    (
        "sv",
        "Bli brukarrevisor",
        "Utbildning för dig som vill vara med och granska en verksamhet, till exempel boendestödet. "
        "När du är klar syns utbildningen i revisorspoolen.",
        6,
        True,
        [
            (
                ["brukarrevision", "granskning"],
                "Så går en brukarrevision till",
                "Vilken verksamhet skulle du vilja granska?",
            ),
            (
                ["intervju"],
                "Intervjuguide för brukarrevisorer",
                "Hur gör du för att den du intervjuar ska känna sig trygg?",
            ),
            (["enkät"], "Tips om enkäter", "Vad är svårt med att svara på en enkät?"),
        ],
    ),
    (
        "en",
        "What is user participation?",
        "A short path for everyone. Learn what user participation is and why it matters.",
        1,
        False,
        [
            (
                ["user participation", "participation"],
                "What is user participation?",
                "What does having a say mean to you?",
            ),
            (["experience"], "The value of lived experience", "When did someone really listen to you?"),
            (["easy-read", "easy read"], "How to write in easy-read", ""),
        ],
    ),
    (
        "en",
        "Being a user representative",
        "For you who speak for other service users in a council or a group.",
        2,
        False,
        [
            (
                ["user council", "meeting"],
                "How to prepare for a user council meeting",
                "What do you want to raise at the next meeting?",
            ),
            (
                ["representative"],
                "The role of a user representative",
                "Who do you speak for, and how do you learn what they think?",
            ),
            (["user participation"], "What is user participation?", ""),
        ],
    ),
    (
        "en",
        "Becoming a user auditor",
        "Training for you who want to help audit a service, such as housing support. When you are done, "
        "the training shows in the auditor pool.",
        6,
        True,
        [
            (
                ["user-led audit", "audit"],
                "How a user-led audit works",
                "Which service would you like to audit?",
            ),
            (
                ["interview"],
                "Interview guide for user auditors",
                "How do you help the person you interview feel safe?",
            ),
            (["survey", "questionnaire"], "Tips on surveys", "What is hard about answering a survey?"),
        ],
    ),
]


def _item(language: str, words: list[str], fallback: str, used: set[int]) -> Item:
    published = Item.objects.filter(status="published", language=language).exclude(pk__in=used)
    for word in words:
        found = published.filter(title__icontains=word).order_by("pk").first()
        if found:
            return found
    existing = Item.objects.filter(title=fallback, language=language).first()
    if existing:
        return existing
    number = Item.objects.filter(slug__startswith="learning-demo-").count() + 1
    return Item.objects.create(
        kind="article",
        title=fallback,
        slug=f"learning-demo-{number}",
        language=language,
        summary=fallback,
        body=fallback,
        body_html=f"<p>{fallback}</p>",
        audiences=["everyone"],
        status="published",
        published_at=timezone.now(),
    )


def load_demo() -> None:
    if Path.objects.exists():
        return
    admin = User.objects.get(email="admin@demo.example")
    made = {}
    for language, title, description, hours, records, steps in PATHS:
        used: set[int] = set()
        chosen = []
        for words, fallback, question in steps:
            item = _item(language, words, fallback, used)
            used.add(item.pk)
            chosen.append((item, question))
        made[title] = services.path_create(
            actor=admin,
            title=title,
            language=language,
            steps=chosen,
            description=description,
            audiences=["auditors"] if records else ["everyone"],
            hours=hours,
            published=True,
            records_auditor_training=records,
        )
    earlier = timezone.now() - dt.timedelta(days=14)

    pia = User.objects.get(email="participant@demo.example")
    first = made["Vad är brukarinflytande?"]
    enrolment = services.path_start(actor=pia, path=first)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=earlier)
    step = first.steps.get(position=1)
    services.step_done(actor=pia, path=first, step=step)
    services.reflection_save(
        actor=pia, path=first, step=step, text="Att de som bestämmer frågar mig innan de ändrar mitt stöd."
    )

    ahmed = User.objects.get(email="auditor@demo.example")
    auditor_path = made["Bli brukarrevisor"]
    enrolment = services.path_start(actor=ahmed, path=auditor_path)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=earlier)
    for step in auditor_path.steps.order_by("position"):
        services.step_done(actor=ahmed, path=auditor_path, step=step)
