"""Demo data of the learning paths, loaded by `manage.py load_demo` after the knowledge demo.

Three shared paths, each in all five languages (15 in all): "What is user participation?", "Being a user
representative" (suggested to new members) and "Becoming a user auditor" (records auditor training).
Every step uses a published item of the shared knowledge demo in the path's own language: the articles
on participation, lived experience, easy-read, user council meetings, the representative's role and
user-led audits, the tip on sending papers early, the two templates and the easy-read link. Nothing is
made up here: if the knowledge demo has not been loaded yet (as in tests that load this demo alone), its
texts are loaded first, and a missing item is an error.

A draft too: Exempelkommun's "Introduktion för nya i utvecklingsgruppen" (Swedish), written by the
facilitator Fatima Lund (facilitator@demo.example), with two steps on shared Swedish items and one
question. It is not published, so only the municipality's staff and admins see it.

People on their way: Pia (participant@demo.example) is part-way through the Swedish "What is user
participation?" and has answered its first question; Ahmed (auditor@demo.example) has completed the
Swedish "Becoming a user auditor", so his training shows in the auditor pool; Mette
(deltager@demo.example) has started the Danish "Being a user representative" and done its first step.

Each part loads once: running the demo again adds nothing, and an older demo gets only the draft."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Organisation
from medvind.knowledge import demo as knowledge_demo
from medvind.knowledge.models import Item

from . import services
from .models import Enrolment, Path

LANGUAGES = ("da", "sv", "nb", "nn", "en")


@dataclass(frozen=True)
class DemoPath:
    hours: int
    records_auditor_training: bool
    for_new_members: bool
    texts: dict[str, tuple[str, str]]  # language: (title, description)
    steps: list[tuple[str, dict[str, str]]]  # (key of a shared knowledge item, {language: question})


PATHS = {
    "participation": DemoPath(
        hours=1,
        records_auditor_training=False,
        for_new_members=False,
        texts={
            "da": (
                "Hvad er brugerinddragelse?",
                "Et kort forløb for alle. Du lærer, hvad brugerinddragelse er, og hvorfor det er vigtigt.",
            ),
            "sv": (
                "Vad är brukarinflytande?",
                "En kort väg för alla. Du får veta vad brukarinflytande är och varför det är viktigt.",
            ),
            "nb": (
                "Hva er brukermedvirkning?",
                "En kort læringssti for alle. Du lærer hva brukermedvirkning er, og hvorfor det er viktig.",
            ),
            "nn": (
                "Kva er brukarmedverknad?",
                "Ein kort læringssti for alle. Du lærer kva brukarmedverknad er, og kvifor det er viktig.",
            ),
            "en": (
                "What is user participation?",
                "A short path for everyone. Learn what user participation is and why it matters.",
            ),
        },
        steps=[
            (
                "participation",
                {
                    "da": "Hvad betyder det for dig at være med til at bestemme?",
                    "sv": "Vad betyder inflytande för dig?",
                    "nb": "Hva betyr det for deg å være med og bestemme?",
                    "nn": "Kva betyr det for deg å vere med og bestemme?",
                    "en": "What does having a say mean to you?",
                },
            ),
            (
                "experience",
                {
                    "da": "Hvornår har nogen virkelig lyttet til dig?",
                    "sv": "När har någon lyssnat på dig på riktigt?",
                    "nb": "Når har noen virkelig lyttet til deg?",
                    "nn": "Når har nokon verkeleg lytta til deg?",
                    "en": "When did someone really listen to you?",
                },
            ),
            (
                "easyread",
                {
                    "da": "Tænk på et brev, der var svært at læse. Hvad gjorde det svært?",
                    "sv": "Tänk på ett brev som var svårt att läsa. Vad gjorde det svårt?",
                    "nb": "Tenk på et brev som var vanskelig å lese. Hva gjorde det vanskelig?",
                    "nn": "Tenk på eit brev som var vanskeleg å lese. Kva gjorde det vanskeleg?",
                    "en": "Think of a letter that was hard to read. What made it hard?",
                },
            ),
            (knowledge_demo.LINK_KEY, {}),
        ],
    ),
    "representative": DemoPath(
        hours=2,
        records_auditor_training=False,
        for_new_members=True,
        texts={
            "da": (
                "At være brugerrepræsentant",
                "For dig, der skal tale for andre brugere i et råd eller en gruppe. En god start for nye "
                "medlemmer.",
            ),
            "sv": (
                "Att vara brukarrepresentant",
                "För dig som ska företräda andra brukare i ett råd eller en grupp. En bra start för nya "
                "medlemmar.",
            ),
            "nb": (
                "Å være brukerrepresentant",
                "For deg som skal snakke for andre brukere i et råd eller en gruppe. En god start for nye "
                "medlemmer.",
            ),
            "nn": (
                "Å vere brukarrepresentant",
                "For deg som skal snakke for andre brukarar i eit råd eller ei gruppe. Ein god start for nye "
                "medlemmer.",
            ),
            "en": (
                "Being a user representative",
                "For you who speak for other service users in a council or a group. A good start for new "
                "members.",
            ),
        },
        steps=[
            (
                "representative",
                {
                    "da": "Hvem taler du for, og hvordan finder du ud af, hvad de mener?",
                    "sv": "Vem talar du för, och hur får du veta vad de tycker?",
                    "nb": "Hvem snakker du for, og hvordan finner du ut hva de mener?",
                    "nn": "Kven snakkar du for, og korleis finn du ut kva dei meiner?",
                    "en": "Who do you speak for, and how do you learn what they think?",
                },
            ),
            (
                "meeting",
                {
                    "da": "Hvad vil du tage op på næste møde?",
                    "sv": "Vad vill du ta upp på nästa möte?",
                    "nb": "Hva vil du ta opp på neste møte?",
                    "nn": "Kva vil du ta opp på neste møte?",
                    "en": "What do you want to raise at the next meeting?",
                },
            ),
            (
                "tip",
                {
                    "da": "Fik du bilagene i god tid før sidste møde? Hvad ville hjælpe dig?",
                    "sv": "Fick du underlagen i tid före förra mötet? Vad skulle hjälpa dig?",
                    "nb": "Fikk du sakspapirene i god tid før forrige møte? Hva ville hjulpet deg?",
                    "nn": "Fekk du sakspapira i god tid før førre møte? Kva ville hjelpt deg?",
                    "en": "Did you get the papers in time for your last meeting? What would help you?",
                },
            ),
            (
                "template",
                {
                    "da": "Hvad skal en indkaldelse til et møde fortælle dig?",
                    "sv": "Vad vill du att en kallelse till ett möte ska berätta?",
                    "nb": "Hva vil du at en innkalling til et møte skal fortelle deg?",
                    "nn": "Kva vil du at ei innkalling til eit møte skal fortelje deg?",
                    "en": "What do you want an invitation to a meeting to tell you?",
                },
            ),
        ],
    ),
    "auditor": DemoPath(
        hours=6,
        records_auditor_training=True,
        for_new_members=False,
        texts={
            "da": (
                "Bliv brugerrevisor",
                "Uddannelse for dig, der vil være med til at evaluere et tilbud, for eksempel bostøtten. Når du "
                "er færdig, kan uddannelsen ses i puljen af brugerrevisorer.",
            ),
            "sv": (
                "Bli brukarrevisor",
                "Utbildning för dig som vill vara med och granska en verksamhet, till exempel boendestödet. "
                "När du är klar syns utbildningen i revisorspoolen.",
            ),
            "nb": (
                "Bli brukerrevisor",
                "Opplæring for deg som vil være med og vurdere en tjeneste, for eksempel boveiledningen. Når "
                "du er ferdig, vises opplæringen i revisorpoolen.",
            ),
            "nn": (
                "Verte brukarrevisor",
                "Opplæring for deg som vil vere med og vurdere ei teneste, til dømes butreningstenesta. Når "
                "du er ferdig, blir opplæringa vist i revisorbanken.",
            ),
            "en": (
                "Becoming a user auditor",
                "Training for you who want to help audit a service, such as housing support. When you are "
                "done, the training shows in the auditor pool.",
            ),
        },
        steps=[
            (
                "audit",
                {
                    "da": "Hvilket tilbud vil du gerne være med til at evaluere?",
                    "sv": "Vilken verksamhet skulle du vilja granska?",
                    "nb": "Hvilken tjeneste vil du gjerne være med og vurdere?",
                    "nn": "Kva for ei teneste vil du gjerne vere med og vurdere?",
                    "en": "Which service would you like to audit?",
                },
            ),
            (
                "interview",
                {
                    "da": "Hvordan hjælper du den, du interviewer, til at føle sig tryg?",
                    "sv": "Hur gör du för att den du intervjuar ska känna sig trygg?",
                    "nb": "Hvordan hjelper du den du intervjuer, til å føle seg trygg?",
                    "nn": "Korleis hjelper du den du intervjuar, til å kjenne seg trygg?",
                    "en": "How do you help the person you interview feel safe?",
                },
            ),
            (
                "easyread",
                {
                    "da": "Rapporten skal have et letlæst resumé. Hvad gør en tekst let at læse for dig?",
                    "sv": "Rapporten ska ha en lättläst sammanfattning. Vad gör en text lätt att läsa för dig?",
                    "nb": "Rapporten skal ha et lettlest sammendrag. Hva gjør en tekst lett å lese for deg?",
                    "nn": "Rapporten skal ha eit lettlese samandrag. Kva gjer ein tekst lett å lese for deg?",
                    "en": "The report needs an easy-read summary. What makes a text easy for you to read?",
                },
            ),
        ],
    ),
}


def _item(key: str, language: str) -> Item:
    item = knowledge_demo.shared_item(key, language)
    if item is None:
        raise LookupError(f"The knowledge demo has no item {key!r} in {language!r}.")
    return item


DRAFT_TITLE = "Introduktion för nya i utvecklingsgruppen"
DRAFT_DESCRIPTION = (
    "För dig som är ny i den gemensamma utvecklingsgruppen. Du får veta vad brukarinflytande "
    "är och hur ett möte går till. Ett utkast: vi lägger till fler steg innan vi publicerar."
)
DRAFT_STEPS = [  # (key of a shared knowledge item, question)
    ("participation", ""),
    ("meeting", "Vad vill du att utvecklingsgruppen tar upp först?"),
]


def load_draft() -> bool:
    """Exempelkommun's draft path, written by the facilitator Fatima Lund: created without steps, then
    given its steps one by one, and not published. Loads once; True when loaded now."""
    exempel = Organisation.objects.get(slug="exempelkommun")
    if Path.objects.filter(organisation=exempel, title=DRAFT_TITLE).exists():
        return False
    knowledge_demo.load_texts()
    fatima = User.objects.get(email="facilitator@demo.example")
    path = services.path_create(
        actor=fatima,
        organisation=exempel,
        title=DRAFT_TITLE,
        language="sv",
        description=DRAFT_DESCRIPTION,
        audiences=["everyone"],
        hours=1,
        published=False,
    )
    for key, question in DRAFT_STEPS:
        services.step_add(actor=fatima, path=path, item=_item(key, "sv"), question=question)
    return True


def load_shared() -> None:
    """The shared paths and the people on their way, once."""
    if Path.objects.filter(organisation=None).exists():
        return
    knowledge_demo.load_texts()  # already loaded by `load_demo`; needed when this demo loads alone
    admin = User.objects.get(email="admin@demo.example")
    made: dict[tuple[str, str], Path] = {}
    for key, demo_path in PATHS.items():
        for language in LANGUAGES:
            title, description = demo_path.texts[language]
            made[key, language] = services.path_create(
                actor=admin,
                title=title,
                language=language,
                steps=[
                    (_item(item, language), questions.get(language, ""))
                    for item, questions in demo_path.steps
                ],
                description=description,
                audiences=["auditors"] if demo_path.records_auditor_training else ["everyone"],
                hours=demo_path.hours,
                published=True,
                for_new_members=demo_path.for_new_members,
                records_auditor_training=demo_path.records_auditor_training,
            )
    earlier = timezone.now() - dt.timedelta(days=14)

    pia = User.objects.get(email="participant@demo.example")
    first = made["participation", "sv"]
    enrolment = services.path_start(actor=pia, path=first)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=earlier)
    step = first.steps.get(position=1)
    services.step_done(actor=pia, path=first, step=step)
    services.reflection_save(
        actor=pia, path=first, step=step, text="Att de som bestämmer frågar mig innan de ändrar mitt stöd."
    )

    ahmed = User.objects.get(email="auditor@demo.example")
    auditor_path = made["auditor", "sv"]
    enrolment = services.path_start(actor=ahmed, path=auditor_path)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=earlier)
    for step in auditor_path.steps.order_by("position"):
        services.step_done(actor=ahmed, path=auditor_path, step=step)

    mette = User.objects.get(email="deltager@demo.example")
    danish = made["representative", "da"]
    enrolment = services.path_start(actor=mette, path=danish)
    Enrolment.objects.filter(pk=enrolment.pk).update(started_at=timezone.now() - dt.timedelta(days=3))
    services.step_done(actor=mette, path=danish, step=danish.steps.get(position=1))


def load_demo() -> None:
    load_shared()
    load_draft()
