"""Demo data of the surveys app, loaded by `manage.py load_demo` after the core demo.

In the demo's user-led audit (Brukarrevision av boendestödet 2026): the auditors' closed questionnaire
"Enkät om boendestödet 2026" with about 60 submitted responses (online, from paper and from
interviews), its results public to the space; the earlier round "Enkät om boendestödet 2024" with about
45, so that the results compare; and a short open survey that people can answer now. Answers are drawn
with random.Random(2026), so the demo is the same every time. Rows are written with bulk_create."""

import datetime as dt
import random
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from medvind.accounts.models import User
from medvind.core.models import Space

from .models import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    Response,
    ResponseMode,
    Section,
    Survey,
    SurveyStatus,
)

AUDIT_SLUG = "brukarrevision-av-boendestodet-2026"
K = QuestionKind

# key, kind, Swedish text, English text, choices [(value, sv, en)], scale labels (sv, en) or None
QUESTIONS: list[tuple[str, str, str, str, list[tuple[str, str, str]], Any]] = [
    (
        "alder",
        K.SINGLE,
        "Hur gammal är du?",
        "How old are you?",
        [
            ("under-30", "Under 30 år", "Under 30"),
            ("30-60", "30–60 år", "30 to 60"),
            ("over-60", "Över 60 år", "Over 60"),
        ],
        None,
    ),
    (
        "hjalp",
        K.MULTIPLE,
        "Vad får du hjälp med av boendestödet?",
        "What does home support help you with?",
        [
            ("hemmet", "Saker i hemmet", "Things at home"),
            ("ekonomi", "Ekonomi och räkningar", "Money and bills"),
            ("myndigheter", "Kontakter med myndigheter", "Contact with public offices"),
            ("aktiviteter", "Att komma ut och göra saker", "Getting out and doing things"),
        ],
        None,
    ),
    (
        "respekt",
        K.SCALE,
        "Bemöter personalen dig med respekt?",
        "Do the staff treat you with respect?",
        [],
        (("Inte alls", "Not at all"), ("Helt och hållet", "Completely")),
    ),
    (
        "bestamma",
        K.SCALE,
        "Får du vara med och bestämma hur stödet ska ges?",
        "Can you take part in deciding how the support is given?",
        [],
        (("Inte alls", "Not at all"), ("Helt och hållet", "Completely")),
    ),
    (
        "plan",
        K.YES_NO,
        "Har du varit med och gjort din genomförandeplan?",
        "Did you take part in writing your support plan?",
        [],
        None,
    ),
    (
        "tider",
        K.YES_NO,
        "Kommer personalen på de tider ni har bestämt?",
        "Do the staff come at the times you agreed?",
        [],
        None,
    ),
    (
        "besok",
        K.NUMBER,
        "Hur många gånger i veckan träffar du boendestödet?",
        "How many times a week do you meet home support?",
        [],
        None,
    ),
    (
        "battre",
        K.LONG_TEXT,
        "Vad kan bli bättre med boendestödet?",
        "What could be better about home support?",
        [],
        None,
    ),
]

IDEAS = [
    "Att det är samma personal som kommer, så att man slipper berätta allt på nytt.",
    "Att de ringer om de blir sena.",
    "Mer tid till att gå ut och handla tillsammans.",
    "Lättläst information om vad boendestödet kan hjälpa till med.",
    "Att jag får vara med när genomförandeplanen skrivs om.",
    "Hjälp med kontakten med Försäkringskassan.",
    "Kvällstider, för på dagen är jag på daglig verksamhet.",
    "Att personalen lyssnar mer och stressar mindre.",
    "Det fungerar bra. Min kontaktperson är jättebra.",
    "Stöd att komma till träfflokalen och träffa andra.",
    "Att man får veta i förväg om någon ny ska komma.",
    "Mer hjälp med räkningar och ekonomi.",
]

# Weights per round: how the answers lean (2026 a little better than 2024 on respect and plans).
WEIGHTS = {
    2026: {
        "alder": [3, 6, 2],
        "respekt": [1, 1, 3, 7, 8],
        "bestamma": [2, 3, 5, 6, 4],
        "plan": [6, 3, 1],
        "tider": [7, 3, 1],
    },
    2024: {
        "alder": [3, 6, 2],
        "respekt": [2, 3, 5, 6, 4],
        "bestamma": [4, 5, 5, 4, 2],
        "plan": [3, 5, 2],
        "tider": [5, 4, 1],
    },
}
MODES = [ResponseMode.ONLINE, ResponseMode.PAPER, ResponseMode.INTERVIEW]
MODE_WEIGHTS = [55, 25, 20]


def _survey(space: Space, author: User, title: str, *, status: str, **extra: Any) -> Survey:
    return Survey.objects.create(
        space=space,
        title=title,
        language="sv",
        languages=["en"],
        status=status,
        token=secrets.token_urlsafe(16),
        created_by=author,
        **extra,
    )


def _questions(survey: Survey, questions: list, section_title: tuple[str, str]) -> dict[str, Question]:
    section = Section.objects.create(
        survey=survey, position=1, title=section_title[0], translations={"en": {"title": section_title[1]}}
    )
    made = {}
    for position, (key, kind, sv, en, _choices, scale) in enumerate(questions, start=1):
        words: dict[str, str] = {"text": en}
        extra: dict[str, Any] = {}
        if scale:
            (low_sv, low_en), (high_sv, high_en) = scale
            extra = {"scale_low": low_sv, "scale_high": high_sv}
            words.update(scale_low=low_en, scale_high=high_en)
        if kind == K.NUMBER:
            extra = {"min_value": 0, "max_value": 21}
        made[key] = Question(
            survey=survey,
            section=section,
            position=position,
            key=key,
            kind=kind,
            text=sv,
            translations={"en": words},
            **extra,
        )
    Question.objects.bulk_create(made.values())
    Choice.objects.bulk_create(
        Choice(question=made[key], position=i, value=value, label=sv, translations={"en": en})
        for key, _kind, _sv, _en, choices, _scale in questions
        for i, (value, sv, en) in enumerate(choices, start=1)
    )
    return made


def _answers(
    rng: random.Random,
    survey: Survey,
    questions: dict[str, Question],
    n: int,
    year: int,
    entered_by: list[User],
) -> None:
    start = timezone.now() - dt.timedelta(days=400 if year == 2024 else 40)
    responses = []
    for _ in range(n):
        mode = rng.choices(MODES, MODE_WEIGHTS)[0]
        submitted = start + dt.timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 600))
        responses.append(
            Response(
                survey=survey,
                mode=mode,
                language="sv" if rng.random() < 0.9 else "en",
                entered_by=rng.choice(entered_by) if mode != ResponseMode.ONLINE else None,
                notes="Intervjun gjordes i hemmet." if mode == ResponseMode.INTERVIEW else "",
                started_at=submitted - dt.timedelta(minutes=rng.randint(3, 30)),
                submitted_at=submitted,
            )
        )
    Response.objects.bulk_create(responses)
    weights = WEIGHTS[year]
    rows = []
    for response in responses:
        q = questions
        rows.append(Answer(response=response, question=q["alder"], value=_pick(rng, "alder", weights)))
        for value in rng.sample(["hemmet", "ekonomi", "myndigheter", "aktiviteter"], rng.randint(1, 3)):
            rows.append(Answer(response=response, question=q["hjalp"], value=value))
        for key in ("respekt", "bestamma", "plan", "tider"):
            if rng.random() < 0.95:  # a few skip a question
                rows.append(Answer(response=response, question=q[key], value=_pick(rng, key, weights)))
        rows.append(
            Answer(response=response, question=q["besok"], number=rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]))
        )
        if rng.random() < 0.4:
            rows.append(Answer(response=response, question=q["battre"], text=rng.choice(IDEAS)))
    Answer.objects.bulk_create(rows, batch_size=500)


def _pick(rng: random.Random, key: str, weights: dict[str, list[int]]) -> str:
    values = {
        "alder": ["under-30", "30-60", "over-60"],
        "respekt": ["1", "2", "3", "4", "5"],
        "bestamma": ["1", "2", "3", "4", "5"],
        "plan": ["yes", "no", "dont_know"],
        "tider": ["yes", "no", "dont_know"],
    }[key]
    return rng.choices(values, weights[key])[0]


OPEN_QUESTIONS: list[tuple[str, str, str, str, list[tuple[str, str, str]], Any]] = [
    (
        "traffen",
        K.YES_NO,
        "Har du varit på träfflokalen den senaste månaden?",
        "Have you been to the drop-in centre in the last month?",
        [],
        None,
    ),
    (
        "information",
        K.SCALE,
        "Är informationen om boendestödet lätt att förstå?",
        "Is the information about home support easy to understand?",
        [],
        (("Mycket svår", "Very hard"), ("Mycket lätt", "Very easy")),
    ),
    (
        "kanal",
        K.SINGLE,
        "Hur vill du helst få information?",
        "How would you like to get information?",
        [
            ("samtal", "I ett samtal", "In a talk"),
            ("papper", "På papper", "On paper"),
            ("webb", "På webben", "On the web"),
            ("sms", "Som sms", "As a text message"),
        ],
        None,
    ),
    (
        "ovrigt",
        K.LONG_TEXT,
        "Vill du säga något mer till brukarrevisorerna?",
        "Is there anything else you want to tell the user auditors?",
        [],
        None,
    ),
]


@transaction.atomic
def load_demo() -> None:
    audit = Space.objects.get(slug=AUDIT_SLUG)
    coordinator = User.objects.get(email="coordinator@demo.example")
    auditor = User.objects.get(email="auditor@demo.example")
    rng = random.Random(2026)
    section = ("Om dig och ditt boendestöd", "About you and your home support")
    earlier = _survey(
        audit,
        coordinator,
        "Enkät om boendestödet 2024",
        status=SurveyStatus.CLOSED,
        intro="Den första brukarrevisionens enkät. Svaren är anonyma.",
        results_public=True,
        created_at=timezone.now() - dt.timedelta(days=430),
    )
    _answers(rng, earlier, _questions(earlier, QUESTIONS, section), 45, 2024, [coordinator, auditor])
    current = _survey(
        audit,
        coordinator,
        "Enkät om boendestödet 2026",
        status=SurveyStatus.CLOSED,
        intro="Brukarrevisorerna vill veta vad du tycker om boendestödet. Svaren är anonyma: ingen kan se "
        "vad just du har svarat.",
        previous=earlier,
        results_public=True,
        created_at=timezone.now() - dt.timedelta(days=60),
    )
    _answers(rng, current, _questions(current, QUESTIONS, section), 60, 2026, [coordinator, auditor])
    open_survey = _survey(
        audit,
        coordinator,
        "Kort enkät om information och träfflokalen",
        status=SurveyStatus.OPEN,
        intro="Fyra korta frågor från brukarrevisorerna. Det tar två minuter.",
        closes_at=timezone.now() + dt.timedelta(days=30),
    )
    _questions(
        open_survey, OPEN_QUESTIONS, ("Information och träfflokalen", "Information and the drop-in centre")
    )
