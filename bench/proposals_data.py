"""Benchmark data for proposals: 100,000 proposals, 1,000,000 supports and 300,000 comments in one space.

    python bench/proposals_data.py targets    # print the proposal pages to measure, as JSON
    python bench/proposals_data.py generate   # add the data set once, then print the pages to measure

Everything lands in the demo's joint development group (the space `bench/data.py` measures), written
with plain INSERTs in one transaction (SQLite, `executemany`) or COPY (PostgreSQL), so it takes a
minute or two rather than an hour. The rows are what the services would have written: Swedish, Danish
and Norwegian titles and texts built from the words of the demo's situations; statuses that follow
the status machine, with an `Answer` row per step; `answered_at`, `answer_days` and `closed_at` for the
decided and closed ones; some overdue; `support_count` and `comment_count` equal to the rows. On
PostgreSQL the full-text `search_vector` is filled with the app's own expression. Then ANALYZE
(VACUUM ANALYZE on PostgreSQL).
Needs DJANGO_SETTINGS_MODULE and a migrated database holding the demo. Progress goes to stderr.
"""

import datetime as dt
import html
import json
import random
import sys
import time
from collections.abc import Iterable, Iterator
from itertools import accumulate, batched
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management.color import no_style  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Max, Model  # noqa: E402
from django.utils import timezone  # noqa: E402

from medvind.accounts.models import User  # noqa: E402
from medvind.core.models import Space  # noqa: E402
from medvind.proposals import search  # noqa: E402
from medvind.proposals.models import Answer, Comment, Kind, Proposal, Status, Support, Theme  # noqa: E402

PROPOSALS = 100_000
SUPPORTS = 1_000_000
COMMENTS = 300_000
USERS = 20_000
YEARS = 5
MAX_SUPPORTS = 10_000  # on one proposal
MAX_COMMENTS = 1_500
REPLY_SHARE = 0.25
EMAIL_DOMAIN = "proposals.bench.example"
SPACE_SLUG = "gemensam-utvecklingsgrupp-for-socialtjansten"
SIMILAR_TITLE = "Lättläst information om boendestöd"  # words that many titles share
NO_MATCH_TITLE = "Cykelställ utanför simhallen"  # words that no title has, as while a word is half typed
BATCH = 10_000

S = Status
LANGUAGE_WEIGHTS = {"sv": 80, "da": 10, "nb": 10}
KIND_WEIGHTS = {Kind.IDEA: 75, Kind.MEETING_THEME: 15, Kind.CHANGE_REQUEST: 10}
# Statuses of proposals older than the answer deadline (decided ones, and the few left overdue) and of
# younger ones, where most are still waiting.
OLD_WEIGHTS = {
    S.SUBMITTED: 1,
    S.RECEIVED: 1,
    S.UNDER_CONSIDERATION: 2,
    S.ACCEPTED: 8,
    S.PARTLY_ACCEPTED: 5,
    S.DECLINED: 22,
    S.PARKED: 6,
    S.IN_PROGRESS: 10,
    S.DONE: 45,
}
YOUNG_WEIGHTS = {
    S.SUBMITTED: 30,
    S.RECEIVED: 25,
    S.UNDER_CONSIDERATION: 25,
    S.ACCEPTED: 6,
    S.PARTLY_ACCEPTED: 3,
    S.DECLINED: 6,
    S.PARKED: 3,
    S.IN_PROGRESS: 2,
}
DECIDED = {S.ACCEPTED, S.PARTLY_ACCEPTED, S.DECLINED, S.PARKED, S.IN_PROGRESS, S.DONE}

# Words of the demo's situations, and sentences to put them in.
TOPICS = {
    "sv": [
        "boendestöd",
        "träfflokalen",
        "kontaktperson",
        "lättläst information",
        "anhöriga",
        "brukarrevision",
        "hemtjänsten",
        "daglig verksamhet",
        "färdtjänst",
        "genomförandeplanen",
        "brukarrådet",
        "socialpsykiatrin",
        "sysselsättning",
        "stödsamtal",
        "biståndshandläggaren",
        "kvällsöppet",
        "personalen på boendet",
        "Föreningen Brukarröst",
        "studiebesök",
        "arvode för brukarrevisorer",
    ],
    "da": [
        "handleplan",
        "fagsystemet",
        "sagsbehandler",
        "bostøtte",
        "værestedet",
        "pårørende",
        "kontaktperson",
        "let læst information",
        "brugerrådet",
        "journalen",
        "borgerportalen",
        "socialpsykiatrien",
        "bevillingen",
        "botilbuddet",
        "medarbejderne",
    ],
    "nb": [
        "boligoppfølging",
        "treffstedet",
        "kontaktperson",
        "lettlest informasjon",
        "pårørende",
        "brukerrådet",
        "individuell plan",
        "fagsystemet",
        "dagtilbudet",
        "ansvarsgruppen",
        "brukerrevisjon",
        "hjemmetjenesten",
        "saksbehandleren",
        "erfaringskonsulent",
        "kveldsåpent",
    ],
}
TITLES = {
    "sv": [
        "Längre öppettider för {t}",
        "Lättläst information om {t}",
        "Bättre information om {t}",
        "Samma {t} hela tiden",
        "Anhöriga med i planeringen av {t}",
        "Mer tid för {t}",
        "Fler aktiviteter kring {t}",
        "Ändra rutinerna för {t}",
        "Enklare att komma i kontakt med {t}",
        "Brukarråd om {t}",
        "Utvärdera {t} tillsammans med brukarna",
        "Film med textning om {t}",
        "Kortare väntetid för {t}",
    ],
    "da": [
        "Fanen med {t} er svær at finde",
        "Kortere svartid i {t}",
        "Bedre overblik over {t}",
        "Let læst information om {t}",
        "Samme {t} hele tiden",
        "Pårørende med i planlægningen af {t}",
        "Flere aktiviteter omkring {t}",
        "Workshop om {t}",
    ],
    "nb": [
        "Lengre åpningstider for {t}",
        "Lettlest informasjon om {t}",
        "Bedre informasjon om {t}",
        "Samme {t} hele tiden",
        "Pårørende med i planleggingen av {t}",
        "Flere aktiviteter rundt {t}",
        "Kortere ventetid for {t}",
        "Brukerråd om {t}",
    ],
}
SENTENCES = {
    "sv": [
        "Många av oss har svårt med {t} i dag.",
        "Det är jobbigt när {t} ändras utan att vi får veta det.",
        "Vi vill vara med och bestämma om {t}.",
        "Kan {t} ta upp det här på nästa möte?",
        "Broschyren om {t} är svår att läsa, gör en lättläst version med bilder.",
        "Anhöriga vill vara med när {t} planeras, om brukaren vill det.",
        "Brukarrevisionen visade att {t} behöver bli bättre.",
        "Det skulle göra vardagen lättare för många.",
        "Gärna en film med textning också.",
        "Vi har pratat om det här i brukarrådet flera gånger.",
    ],
    "da": [
        "Jeg bruger lang tid på at finde {t}.",
        "Det burde ligge på forsiden af sagen.",
        "Systemet fryser i flere sekunder, når man arbejder med {t}.",
        "Vi vil gerne være med til at bestemme om {t}.",
        "Pårørende vil gerne være med, når {t} planlægges.",
        "Det ville gøre hverdagen lettere for mange borgere.",
    ],
    "nb": [
        "Mange av oss synes {t} er vanskelig i dag.",
        "Det er slitsomt når {t} endres uten at vi får vite det.",
        "Vi vil være med og bestemme over {t}.",
        "Kan vi ta opp {t} på neste møte i brukerrådet?",
        "Pårørende vil være med når {t} planlegges.",
        "Det ville gjort hverdagen lettere for mange.",
    ],
}
# Real texts also have a long tail of rarer words (places, services, things). Without one, every word of
# 100,000 texts is among the commonest and PostgreSQL's statistics of the search vectors are unlike any
# real space's. Compounds of these, used with Zipf's law (the n-th commonest n times rarer than the first).
COMPOUND_HEADS = (  # noqa: SIM905 - easier to read than a list of 50 strings
    "kvälls helg natt dag fritids boende stöd trygghets samtals besöks resurs hälso kontakt familje "
    "anhörig brukar personal kommun region arbets skol läs mat motions musik konst trädgårds fika "
    "buss park bibliotek matsals idrotts kultur friskvårds mötes möbel köks tvätt dator telefon "
    "journal ansöknings besluts avgifts hyres flytt ungdoms senior språk tolk ledsagar rehab"
).split()
COMPOUND_TAILS = (  # noqa: SIM905 - easier to read than a list of 50 strings
    "grupp verksamhet rum lokal tid schema plan rutin lista avgift ersättning buss resa träff kurs "
    "cirkel samtal stöd hjälp team möte program tjänst personal ansvarig portal blankett broschyr "
    "film app tavla skylt vägg dörr trappa hiss ramp toalett kök utrustning material budget policy "
    "enkät dag kväll vecka"
).split()
LONG_TAIL = [head + tail for head in COMPOUND_HEADS for tail in COMPOUND_TAILS]
LONG_TAIL_CUMULATIVE = list(accumulate(1 / rank for rank in range(1, len(LONG_TAIL) + 1)))
ALSO = {
    "sv": "Det gäller även {} och {}.",
    "da": "Det gælder også {} og {}.",
    "nb": "Det gjelder også {} og {}.",
}

ANSWER_TEXTS = {
    S.RECEIVED: "Tack! Vi har tagit emot förslaget och tar upp det på nästa möte.",
    S.UNDER_CONSIDERATION: "Vi utreder kostnad och personal tillsammans med verksamheten.",
    S.ACCEPTED: "Ja. Vi genomför förslaget under året.",
    S.PARTLY_ACCEPTED: "Delvis. En del införs nu, resten utreds vidare med regionen.",
    S.DECLINED: "Tyvärr kan vi inte genomföra förslaget, men vi har gjort en annan ändring i stället.",
    S.PARKED: "Vi parkerar förslaget till våren, när budgeten för nästa år är klar.",
    S.IN_PROGRESS: "Arbetet har börjat. Vi berättar här när det är klart.",
    S.DONE: "Klart. Vi följer upp tillsammans med brukarrådet i vår.",
}


def say(message: str) -> None:
    print(f"proposals_data: {message}", file=sys.stderr, flush=True)


def space_to_fill() -> Space:
    space = Space.objects.filter(slug=SPACE_SLUG).first()
    if space is None:
        raise SystemExit(f"No space {SPACE_SLUG}: load the demo first.")
    return space


def targets() -> dict[str, object]:
    space = space_to_fill()
    proposals = Proposal.objects.filter(space=space)
    busiest = proposals.order_by("-comment_count", "-support_count", "pk").first()
    base = f"/{settings.LANGUAGE_CODE}/spaces/{space.slug}"
    return {
        "paths": {
            "proposals_list": f"{base}/proposals/",
            "proposals_list_filtered": f"{base}/proposals/?status=under_consideration&sort=supported",
            "proposals_list_overdue": f"{base}/proposals/?overdue=1",
            "proposal_page": f"{base}/proposals/{busiest.pk if busiest else 0}/",
            "accountability": f"{base}/accountability/",
            "similar": f"{base}/proposals/similar/?{urlencode({'title': SIMILAR_TITLE})}",
            "similar_no_match": f"{base}/proposals/similar/?{urlencode({'title': NO_MATCH_TITLE})}",
        },
        "counts": {
            "proposals": proposals.count(),
            "supports": Support.objects.filter(proposal__space=space).count(),
            "comments": Comment.objects.filter(proposal__space=space).count(),
            "answers": Answer.objects.filter(proposal__space=space).count(),
            "measured_proposal": proposals.filter(pk=busiest.pk if busiest else 0)
            .values("support_count", "comment_count")
            .first(),
        },
    }


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
            sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
            for batch in batched(rows, BATCH):
                cursor.executemany(sql, batch)
                count += len(batch)
    return count


def weighted(rng: random.Random, weights: dict, k: int) -> list:
    return rng.choices(list(weights), weights=list(weights.values()), k=k)


def spread(rng: random.Random, weights: list[float], total: int, cap: int) -> list[int]:
    """Counts in proportion to `weights`, summing to `total`, each at most `cap`."""
    scale = total / sum(weights)
    counts = [min(cap, int(w * scale)) for w in weights]
    open_slots = [i for i, w in enumerate(weights) if w > 0]
    while (missing := total - sum(counts)) > 0:
        for i in rng.sample(open_slots, min(missing, len(open_slots))):
            if counts[i] < cap:
                counts[i] += 1
    return counts


def text(rng: random.Random, language: str, topic: str, sentences: int) -> str:
    return " ".join(s.format(t=topic) for s in rng.sample(SENTENCES[language], sentences))


def rare_words(rng: random.Random, language: str) -> str:
    return ALSO[language].format(*rng.choices(LONG_TAIL, cum_weights=LONG_TAIL_CUMULATIVE, k=2))


def paragraph_html(value: str) -> str:
    return f"<p>{html.escape(value, quote=False)}</p>"


@transaction.atomic
def generate(seed: int = 3) -> bool:
    """Add the data set once. Returns False if it is already there."""
    space = space_to_fill()
    if User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        return False
    rng = random.Random(seed)
    started = time.monotonic()
    vendor = connection.vendor
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MB for the index pages while writing
        else:
            cursor.execute("SET LOCAL synchronous_commit = off")
    naive = vendor == "sqlite"  # how Django stores datetimes there: UTC without the offset
    now = timezone.now()
    now_ts = now.timestamp()
    day = 86400.0

    def stamp(ts: float) -> str:
        text = dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(" ")
        return text[:-6] if naive else text  # without "+00:00"

    def local_date(ts: float) -> dt.date:
        return timezone.localdate(dt.datetime.fromtimestamp(ts, dt.UTC))

    languages = [code for code, _name in settings.LANGUAGES]
    User.objects.bulk_create(
        [
            User(
                email=f"person-{i:05d}@{EMAIL_DOMAIN}",
                display_name=f"Deltagare {i}",
                language=rng.choice(languages),
                password="!",  # unusable: nobody signs in as these people
            )
            for i in range(USERS)
        ],
        batch_size=2_000,
    )
    user_ids = list(
        User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("pk").values_list("pk", flat=True)
    )
    say(f"{len(user_ids)} people ({time.monotonic() - started:.1f} s)")

    themes = list(
        Theme.objects.filter(space=space).values_list("pk", "responder_id", "responder_organisation_id")
    )
    first_id = (Proposal.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    ids = range(first_id, first_id + PROPOSALS)
    # Older proposals are fewer: the space grew over the years. Sorted, so ids follow time.
    created = sorted(now_ts - YEARS * 365 * day * rng.random() ** 1.5 for _ in ids)
    answer_window = space.answer_days
    statuses = []
    for ts in created:
        age_days = (now_ts - ts) / day
        statuses.append(weighted(rng, OLD_WEIGHTS if age_days > answer_window else YOUNG_WEIGHTS, 1)[0])
    merged = {i for i in range(PROPOSALS) if rng.random() < 0.005 and i > 0}
    hidden = {i for i in range(PROPOSALS) if rng.random() < 0.002}

    def merged_into(i: int) -> int:
        """The nearest older proposal that is not itself merged."""
        while i in merged:
            i -= 1
        return i

    # A long tail (Pareto): most proposals get a few supports and comments, some get thousands, and the
    # much supported ones are also the much discussed. Merged duplicates gave their supports away.
    popularity = [rng.paretovariate(1.2) for _ in ids]
    support_counts = spread(
        rng, [0.0 if i in merged else p for i, p in enumerate(popularity)], SUPPORTS, MAX_SUPPORTS
    )
    comment_counts = spread(rng, [p**0.8 * rng.uniform(0.5, 1.5) for p in popularity], COMMENTS, MAX_COMMENTS)

    # Comments first, in memory: the proposals carry their count and last activity.
    comment_rows: list[tuple] = []
    comment_id = (Comment.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    live_comments = [0] * PROPOSALS
    last_comment = [0.0] * PROPOSALS
    proposal_languages = weighted(rng, LANGUAGE_WEIGHTS, PROPOSALS)
    topics = [rng.choice(TOPICS[language]) for language in proposal_languages]
    for i, n in enumerate(comment_counts):
        ts = created[i]
        top_level: list[int] = []
        for _ in range(n):
            ts = min(now_ts, ts + rng.expovariate(1 / (2 * day)))
            language = proposal_languages[i]
            parent = rng.choice(top_level) if top_level and rng.random() < REPLY_SHARE else None
            deleted = rng.random() < 0.01
            body = "" if deleted else text(rng, language, rng.choice(TOPICS[language]), rng.randint(1, 2))
            comment_rows.append(
                (
                    comment_id,
                    ids[i],
                    parent,
                    rng.choice(user_ids),
                    body,
                    "" if deleted else paragraph_html(body),
                    stamp(ts + 600) if deleted else None,
                    "Kommentaren hörde inte till ämnet." if not deleted and rng.random() < 0.005 else "",
                    None,
                    stamp(ts),
                )
            )
            if parent is None:
                top_level.append(comment_id)
            comment_id += 1
            live_comments[i] += not deleted
            last_comment[i] = ts
    say(f"{len(comment_rows)} comments planned ({time.monotonic() - started:.1f} s)")

    answer_rows: list[tuple] = []
    proposal_rows: list[tuple] = []
    for i, pk in enumerate(ids):
        language, status, ts = proposal_languages[i], statuses[i], created[i]
        topic = topics[i]
        title = rng.choice(TITLES[language]).format(t=topic)
        body = f"{text(rng, language, topic, rng.randint(2, 4))} {rare_words(rng, language)}"
        title = title[0].upper() + title[1:]
        deadline = local_date(ts) + dt.timedelta(days=answer_window)
        age = (now_ts - ts) / day
        theme = rng.choice(themes) if themes and rng.random() < 0.7 else (None, None, None)
        answered_at = closed_at = answer_days = None
        progress, received = 0, ts
        steps: list[tuple[str, str, float]] = []  # (from, to, when)
        if status != S.SUBMITTED:
            received = ts + min(age, rng.uniform(0.1, 4)) * day
            steps.append((S.SUBMITTED, S.RECEIVED, received))
        if status in DECIDED:
            # Most are decided within the deadline, a long tail later; never after today.
            days = min(int(age), int(rng.lognormvariate(2.9, 0.6)))
            answered_at = max(received + 3600, ts + days * day + rng.uniform(0, 0.5) * day)
            answered_at = min(answered_at, now_ts - 60)
            answer_days = (local_date(answered_at) - local_date(ts)).days
            steps.append((S.RECEIVED, S.UNDER_CONSIDERATION, (received + answered_at) / 2))
            decision = (
                status
                if status not in (S.IN_PROGRESS, S.DONE)
                else rng.choice([S.ACCEPTED, S.PARTLY_ACCEPTED])
            )
            steps.append((S.UNDER_CONSIDERATION, decision, answered_at))
            if status in (S.IN_PROGRESS, S.DONE):
                started_at = min(now_ts - 30, answered_at + rng.uniform(1, 60) * day)
                progress = 100 if status == S.DONE else rng.choice(range(10, 100, 10))
                steps.append((decision, S.IN_PROGRESS, started_at))
                if status == S.DONE:
                    closed_at = min(now_ts - 10, started_at + rng.uniform(5, 120) * day)
                    steps.append((S.IN_PROGRESS, S.DONE, closed_at))
            elif status == S.DECLINED:
                closed_at = answered_at
        elif status == S.UNDER_CONSIDERATION:
            steps.append(
                (S.RECEIVED, S.UNDER_CONSIDERATION, steps[0][2] + rng.uniform(0, max(0.1, age - 1)) * day / 2)
            )
        steps = [(a, b, min(when, now_ts - 1)) for a, b, when in steps]
        responder = theme[1] or (rng.choice(user_ids[:200]) if rng.random() < 0.3 else None)
        for from_status, to_status, when in steps:
            answer_rows.append(
                (
                    pk,
                    responder,
                    from_status,
                    to_status,
                    progress if to_status == S.IN_PROGRESS else None,
                    ANSWER_TEXTS[to_status],
                    paragraph_html(ANSWER_TEXTS[to_status]),
                    stamp(when),
                )
            )
        last_activity = max([ts, last_comment[i]] + [when for _a, _b, when in steps])
        proposal_rows.append(
            (
                pk,
                space.pk,
                title[:120],
                body,
                paragraph_html(body),
                weighted(rng, KIND_WEIGHTS, 1)[0],
                theme[0],
                None,
                language,
                None if rng.random() < 0.03 else rng.choice(user_ids),
                "",
                status,
                progress,
                responder,
                theme[2],
                deadline.isoformat(),
                stamp(answered_at) if answered_at else None,
                answer_days,
                stamp(last_activity),
                stamp(closed_at) if closed_at else None,
                support_counts[i],
                live_comments[i],
                "Förslaget bröt mot reglerna för rummet." if i in hidden else "",
                ids[merged_into(i)] if i in merged else None,
                stamp(ts),
            )
        )
    say(
        f"{len(proposal_rows)} proposals and {len(answer_rows)} answers planned ({time.monotonic() - started:.1f} s)"
    )

    written = insert(
        Proposal,
        [
            "id",
            "space",
            "title",
            "body",
            "body_html",
            "kind",
            "theme",
            "concerns",
            "language",
            "author",
            "contact_email",
            "status",
            "progress",
            "responder",
            "responder_organisation",
            "deadline",
            "answered_at",
            "answer_days",
            "last_activity_at",
            "closed_at",
            "support_count",
            "comment_count",
            "hidden_reason",
            "merged_into",
            "created_at",
        ],
        proposal_rows,
    )
    say(f"{written} proposals written ({time.monotonic() - started:.1f} s)")
    written = insert(
        Comment,
        [
            "id",
            "proposal",
            "parent",
            "author",
            "body",
            "body_html",
            "deleted_at",
            "hidden_reason",
            "edited_at",
            "created_at",
        ],
        comment_rows,
    )
    say(f"{written} comments written ({time.monotonic() - started:.1f} s)")
    written = insert(
        Answer,
        ["proposal", "author", "from_status", "to_status", "progress", "text", "text_html", "created_at"],
        answer_rows,
    )
    say(f"{written} answers written ({time.monotonic() - started:.1f} s)")
    del comment_rows, answer_rows, proposal_rows

    def supports() -> Iterator[tuple]:
        for i, n in enumerate(support_counts):
            ts = created[i]
            for user_id in rng.sample(user_ids, n):
                yield ids[i], user_id, stamp(min(now_ts - 1, ts + rng.expovariate(1 / (5 * day))))

    written = insert(Support, ["proposal", "user", "created_at"], supports())
    say(f"{written} supports written ({time.monotonic() - started:.1f} s)")

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Proposal, Comment]):
            cursor.execute(sql)
    if vendor == "postgresql":
        for language in {language for language in proposal_languages}:
            Proposal.objects.filter(space=space, language=language, pk__gte=first_id).update(
                search_vector=search.vector_for(language)
            )
        say(f"search vectors filled ({time.monotonic() - started:.1f} s)")
    check(space, first_id)
    say(f"counters checked ({time.monotonic() - started:.1f} s)")
    return True


def check(space: Space, first_id: int) -> None:
    """The counters agree with the rows (a cheap guard against a generator bug)."""
    new = Proposal.objects.filter(space=space, pk__gte=first_id)
    supports = dict(
        Support.objects.filter(proposal__in=new).values_list("proposal").annotate(n=Count("id")).order_by()
    )
    comments = dict(
        Comment.objects.filter(proposal__in=new, deleted_at__isnull=True)
        .values_list("proposal")
        .annotate(n=Count("id"))
        .order_by()
    )
    wrong = [
        pk
        for pk, support_count, comment_count in new.values_list("pk", "support_count", "comment_count")
        if supports.get(pk, 0) != support_count or comments.get(pk, 0) != comment_count
    ]
    if wrong:
        raise SystemExit(f"proposals_data: counters disagree with the rows for {len(wrong)} proposals")


def analyze() -> None:
    """Statistics for the query planners. On PostgreSQL also VACUUM, as autovacuum would have done by now:
    without the visibility map it sets, index-only scans still read the table."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # fold the bulk writes into the database file
    say(f"statistics updated ({time.monotonic() - started:.1f} s)")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "targets"
    if command == "generate":
        started = time.monotonic()
        created = generate()
        if created:
            analyze()
        note = "generated" if created else "already present"
        say(f"data set {note} in {time.monotonic() - started:.1f} s")
    elif command != "targets":
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(targets()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
