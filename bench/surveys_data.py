"""Benchmark data for survey results: one audit questionnaire with 30 questions and 100,000 responses.

    python bench/surveys_data.py targets    # print the results pages to measure, as JSON
    python bench/surveys_data.py generate   # add the data set once, then print the pages to measure
    python bench/surveys_data.py measure    # time each page through Django's test client, as JSON

The survey lands in the demo's user-led audit (Brukarrevision av boendestödet 2026). Responses and
answers are written with plain INSERTs in one transaction (SQLite, `executemany`) or COPY (PostgreSQL),
so 100,000 responses (about 3.3 million answers) take a minute or two. The answers lean like real ones:
some values are rare, so the results page has small groups to hide. Then ANALYZE (VACUUM ANALYZE on
PostgreSQL). Needs DJANGO_SETTINGS_MODULE and a migrated database holding the demo. Progress goes to
stderr.

Environment: BENCH_SURVEY_RESPONSES (100000), BENCH_SURVEY_REPEAT (requests per page in `measure`, 5).
"""

import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Iterable
from itertools import batched
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max, Model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from medvind.accounts.models import User  # noqa: E402
from medvind.core.models import Space  # noqa: E402
from medvind.surveys.models import (  # noqa: E402
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

RESPONSES = int(os.environ.get("BENCH_SURVEY_RESPONSES", "100000"))
REPEAT = int(os.environ.get("BENCH_SURVEY_REPEAT", "5"))
SPACE_SLUG = "brukarrevision-av-boendestodet-2026"
TITLE = "Benchmark: stora enkäten om boendestödet"
VIEWER = "coordinator@demo.example"
BATCH = 10_000
K = QuestionKind

# 30 questions: 8 one-choice, 4 several-choice, 10 scales, 4 yes/no, 2 numbers, 2 free texts. A weight
# of 0.3 makes a value rare, so some cells fall under the threshold.
SINGLE = [
    ("alder", "Hur gammal är du?", [30, 50, 20]),
    ("boende", "Hur bor du?", [60, 25, 10, 0.3]),
    ("tid-stod", "Hur länge har du haft boendestöd?", [15, 35, 50]),
    ("stadsdel", "Var i kommunen bor du?", [40, 30, 20, 10]),
    ("sysselsattning", "Vad gör du på dagarna?", [30, 30, 25, 15]),
    ("kontakt", "Hur ofta har du kontakt med din kontaktperson?", [50, 35, 15]),
    ("kvinna-man", "Hur vill du beskriva dig själv?", [48, 48, 3, 1]),
    ("svarade-hur", "Hur fick du enkäten?", [50, 30, 20]),
]
MULTIPLE = [
    ("hjalp", "Vad får du hjälp med?", [60, 40, 30, 25, 5]),
    ("vill-ha", "Vad vill du ha mer hjälp med?", [30, 30, 20, 0.3]),
    ("hittar-info", "Var hittar du information?", [40, 40, 20, 10]),
    ("aktiviteter", "Vilka aktiviteter går du på?", [30, 20, 20, 10]),
]
SCALES = [
    ("respekt", "Bemöter personalen dig med respekt?"),
    ("lyssnar", "Lyssnar personalen på dig?"),
    ("bestamma", "Får du vara med och bestämma?"),
    ("trygg", "Känner du dig trygg med personalen?"),
    ("tider", "Kommer personalen på bestämda tider?"),
    ("information", "Får du den information du behöver?"),
    ("plan", "Följer personalen din genomförandeplan?"),
    ("nojd", "Hur nöjd är du med boendestödet?"),
    ("forandring", "Har ditt liv blivit bättre med stödet?"),
    ("rekommendera", "Skulle du rekommendera boendestödet till en vän?"),
]
YES_NO = [
    ("vet-plan", "Vet du vad som står i din genomförandeplan?"),
    ("klagomal", "Vet du hur du lämnar klagomål?"),
    ("anhoriga", "Är dina anhöriga med i planeringen om du vill?"),
    ("bytt-personal", "Har du bytt kontaktperson det senaste året?"),
]
NUMBERS = [
    ("besok", "Hur många gånger i veckan träffar du boendestödet?", 0, 14),
    ("timmar", "Hur många timmar i veckan får du stöd?", 0, 40),
]
TEXTS = [
    ("battre", "Vad kan bli bättre med boendestödet?"),
    ("bra", "Vad fungerar bra?"),
]
IDEAS = [
    "Att det är samma personal som kommer.",
    "Att de ringer om de blir sena.",
    "Mer tid till att gå ut och handla tillsammans.",
    "Lättläst information om vad boendestödet kan hjälpa till med.",
    "Kvällstider, för på dagen är jag på daglig verksamhet.",
    "Att personalen lyssnar mer och stressar mindre.",
    "Min kontaktperson är jättebra.",
    "Stöd att komma till träfflokalen och träffa andra.",
]
SCALE_WEIGHTS = [5, 8, 20, 37, 30]
MODES = [ResponseMode.ONLINE, ResponseMode.PAPER, ResponseMode.INTERVIEW, ResponseMode.KIOSK]


def say(message: str) -> None:
    print(f"surveys_data: {message}", file=sys.stderr, flush=True)


def insert(model: type[Model], fields: list[str], rows: Iterable[tuple]) -> int:
    """Write rows straight into the model's table: COPY on PostgreSQL, executemany on SQLite."""
    qn = connection.ops.quote_name
    table = qn(model._meta.db_table)
    columns = ", ".join(qn(model._meta.get_field(name).column) for name in fields)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        else:
            sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608
            for batch in batched(rows, BATCH):
                cursor.executemany(sql, batch)
                count += len(batch)
    return count


def survey_get() -> Survey | None:
    return Survey.objects.filter(space__slug=SPACE_SLUG, title=TITLE).first()


def make_questions(survey: Survey) -> list[tuple[Question, list[str], list[float]]]:
    """The questions, each with its values and their weights."""
    section = Section.objects.create(survey=survey, position=1, title="Om dig och ditt boendestöd")
    made: list[tuple[Question, list[str], list[float]]] = []
    position = 0

    def question(key: str, kind: str, text: str, **extra) -> Question:
        nonlocal position
        position += 1
        return Question.objects.create(
            survey=survey, section=section, position=position, key=key, kind=kind, text=text, **extra
        )

    for kind, items in ((K.SINGLE, SINGLE), (K.MULTIPLE, MULTIPLE)):
        for key, text, weights in items:
            q = question(key, kind, text)
            values = [f"val-{i}" for i in range(1, len(weights) + 1)]
            Choice.objects.bulk_create(
                Choice(question=q, position=i, value=v, label=f"Svar {i}") for i, v in enumerate(values, 1)
            )
            made.append((q, values, weights))
    for key, text in SCALES:
        made.append(
            (
                question(key, K.SCALE, text, scale_low="Inte alls", scale_high="Helt"),
                list("12345"),
                SCALE_WEIGHTS,
            )
        )
    for key, text in YES_NO:
        made.append((question(key, K.YES_NO, text), ["yes", "no", "dont_know"], [60, 30, 10]))
    for key, text, low, high in NUMBERS:
        made.append((question(key, K.NUMBER, text, min_value=low, max_value=high), [], [low, high]))
    for key, text in TEXTS:
        made.append((question(key, K.LONG_TEXT, text), [], []))
    return made


@transaction.atomic
def generate() -> bool:
    if survey_get() is not None:
        return False
    space = Space.objects.get(slug=SPACE_SLUG)
    coordinator = User.objects.get(email=VIEWER)
    survey = Survey.objects.create(
        space=space,
        title=TITLE,
        language="sv",
        status=SurveyStatus.CLOSED,
        token=f"bench-{int(time.time())}",
        created_by=coordinator,
        results_public=True,
    )
    questions = make_questions(survey)
    rng = random.Random(2026)
    started = time.monotonic()
    first = (Response.objects.aggregate(m=Max("id"))["m"] or 0) + 1
    ids = range(first, first + RESPONSES)
    now = timezone.now()

    def responses():
        for pk in ids:
            at = now - dt.timedelta(minutes=rng.randint(60, 60 * 24 * 60))
            yield (pk, survey.pk, rng.choice(MODES), "sv", "{}", "", None, "", at, at)

    insert(
        Response,
        [
            "id",
            "survey",
            "mode",
            "language",
            "draft",
            "resume_hash",
            "entered_by",
            "notes",
            "started_at",
            "submitted_at",
        ],
        responses(),
    )
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Response]):
            cursor.execute(sql)
    say(f"{RESPONSES} responses ({time.monotonic() - started:.1f} s)")

    def answers():
        for pk in ids:
            for q, values, weights in questions:
                if q.kind == K.MULTIPLE:
                    for value, weight in zip(values, weights, strict=True):
                        if rng.random() * 100 < weight:
                            yield (pk, q.pk, value, None, "")
                elif q.kind == K.NUMBER:
                    if rng.random() < 0.9:
                        yield (pk, q.pk, "", rng.randint(weights[0], weights[1] // 3), "")
                elif q.kind in (K.LONG_TEXT, K.SHORT_TEXT):
                    if rng.random() < 0.2:
                        yield (pk, q.pk, "", None, rng.choice(IDEAS))
                elif rng.random() < 0.95:
                    yield (pk, q.pk, rng.choices(values, weights)[0], None, "")

    count = insert(Answer, ["response", "question", "value", "number", "text"], answers())
    say(f"{count} answers ({time.monotonic() - started:.1f} s)")
    return True


def analyze() -> None:
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    say(f"statistics updated ({time.monotonic() - started:.1f} s)")


def targets() -> dict:
    survey = survey_get()
    if survey is None:
        raise SystemExit("surveys_data: no benchmark survey yet; run `generate` first")
    with translation.override("en"):
        path = reverse("surveys:results", args=[SPACE_SLUG, survey.pk])
    return {
        "paths": {
            "surveys_results": path,
            "surveys_crosstab": f"{path}?rows=alder&columns=trygg",
            "surveys_group_crosstab": f"{path}?group=boende:val-1&rows=stadsdel&columns=hjalp",
        },
        "counts": {
            "responses": Response.objects.filter(survey=survey).count(),
            "answers": Answer.objects.filter(question__survey=survey).count(),
            "questions": survey.questions.count(),
        },
    }


def measure() -> dict:
    """Each page REPEAT times after one warm-up request, signed in as the audit's coordinator."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=VIEWER))
    out = {}
    for name, path in targets()["paths"].items():
        client.get(path)
        latencies, errors = [], 0
        started = time.monotonic()
        for _ in range(REPEAT):
            begun = time.perf_counter()
            response = client.get(path)
            if response.status_code == 200:
                latencies.append(time.perf_counter() - begun)
            else:
                errors += 1
        out[name] = {"seconds": time.monotonic() - started, "latencies": latencies, "errors": errors}
        say(f"{name}: {', '.join(f'{s * 1000:.0f} ms' for s in latencies)}")
    return out


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "targets"
    if command == "generate":
        started = time.monotonic()
        created = generate()
        if created:
            analyze()
        say(f"data set {'generated' if created else 'already present'} in {time.monotonic() - started:.1f} s")
    elif command == "measure":
        print(json.dumps(measure()))
        return 0
    elif command != "targets":
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(targets()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
