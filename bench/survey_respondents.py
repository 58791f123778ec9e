"""Respondents answering a survey at once: the speed of a respondent's pages under load.

    uv run python bench/survey_respondents.py

A throwaway SQLite database (var/bench/survey_respondents.sqlite3: migrate, the demo, collectstatic), a
survey made for the run in the demo's user-led audit (three pages, every kind of question, a question
shown only after a given answer on an earlier page, in Swedish and English), and gunicorn as `make bench`
serves (bench/run.py: production settings, BENCH_WORKERS x BENCH_THREADS). Then BENCH_SURVEY_CONCURRENCY
(50) simulated respondents answer for BENCH_SURVEY_SECONDS (30) after BENCH_WARMUP (1) seconds of warm-up.
Each one, as a new browser with no cookies: opens the anonymous link, picks a language, reads every page
and answers each question it shows (the fields, `q<id>`, are read from the page's form), sends the
answers, opens the thank-you page, and starts again as the next person. Between two requests a respondent
waits BENCH_SURVEY_THINK seconds on average (0.5 by default, drawn from 0 to twice that; a real person
takes many seconds a page, so this is still far more traffic than 50 real people make; 0 sends the next
request as soon as the last is answered).

Starting a response is rate-limited per browser (10 an hour, not reached: each respondent is a new
browser) and per client address (600 an hour, views/respond.py). The run sets the app's documented
TRUSTED_PROXY_COUNT=1 and gives each respondent its own address in X-Forwarded-For, as a reverse proxy in
front of Medvind does for people on their own phones; the limits themselves are unchanged.

Prints, in bench/run.py's format, one line per kind of request: `survey_respond_start_page` (GET the link),
`survey_respond_start` (POST: the language chosen, a response made), `survey_respond_page` (GET a page of
questions), `survey_respond_next` (POST a page, on to the next), `survey_respond_submit` (POST the last
page: the answers sent), `survey_respond_done` (GET the thank-you page), and `survey_respond_all` (every
request). The target is p95 under 100 ms. Then `BENCH survey_respond_lost responses=N`: the answers the
clients saw sent, less the submitted responses in the database (0 when nothing is lost or counted twice).
Exits non-zero on any error or loss. Other environment: BENCH_SURVEY_PROCESSES (load processes, 2).
"""

import asyncio
import multiprocessing
import os
import random
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import run

from events import cookies, header, line, request

DATABASE = run.WORK / "survey_respondents.sqlite3"
SECONDS = run.env_number("BENCH_SURVEY_SECONDS", 30)
RESPONDENTS = int(run.env_number("BENCH_SURVEY_CONCURRENCY", 50))
THINK = run.env_number("BENCH_SURVEY_THINK", 0.5)
PROCESSES = max(1, int(run.env_number("BENCH_SURVEY_PROCESSES", 2)))
KINDS = ("start_page", "start", "page", "next", "submit", "done")

SETUP = """
from medvind.accounts.models import User
from medvind.core.models import Space
from medvind.surveys import services
from medvind.surveys.models import QuestionKind as K
admin = User.objects.get(email="admin@demo.example")
space = Space.objects.get(slug="brukarrevision-av-boendestodet-2026")
survey = services.survey_create(space=space, actor=admin, title="Enkät om boendestödet under belastning",
    language="sv", languages=["sv", "en"],
    intro="Brukarrevisorerna vill veta vad du tycker om boendestödet. Svaren är anonyma.")
def section(title, en):
    return services.section_create(survey=survey, actor=admin, title=title, translations={"en": {"title": en}})
def ask(on, kind, text, en, required=False, choices=(), **extra):
    return services.question_create(section=on, actor=admin, kind=kind, text=text, required=required,
        translations={"en": {"text": en}},
        choices=[{"value": v, "label": sv, "translations": {"en": e}} for v, sv, e in choices], **extra)
about = section("Om dig och ditt boendestöd", "About you and your home support")
ask(about, K.SINGLE, "Hur gammal är du?", "How old are you?", required=True, choices=[
    ("under-30", "Under 30 år", "Under 30"), ("30-60", "30–60 år", "30 to 60"), ("over-60", "Över 60 år", "Over 60")])
ask(about, K.MULTIPLE, "Vad får du hjälp med av boendestödet?", "What does home support help you with?", choices=[
    ("hemmet", "Saker i hemmet", "Things at home"), ("ekonomi", "Ekonomi och räkningar", "Money and bills"),
    ("myndigheter", "Kontakter med myndigheter", "Contact with public offices"),
    ("aktiviteter", "Att komma ut och göra saker", "Getting out and doing things")])
traffen = ask(about, K.YES_NO, "Har du varit på träfflokalen den senaste månaden?",
    "Have you been to the drop-in centre in the last month?", required=True)
support = section("Stödet", "The support")
ask(support, K.NUMBER, "Hur många gånger var du där?", "How many times were you there?", required=True,
    min_value=1, max_value=30, condition_question=traffen, condition_value="yes")
ask(support, K.SCALE, "Bemöter personalen dig med respekt?", "Do the staff treat you with respect?",
    required=True, scale_low="Inte alls", scale_high="Helt och hållet")
ask(support, K.SCALE, "Får du vara med och bestämma hur stödet ska ges?",
    "Can you take part in deciding how the support is given?", scale_low="Inte alls", scale_high="Helt och hållet")
ask(support, K.YES_NO, "Har du en genomförandeplan?", "Do you have a plan for your support?")
last = section("Till sist", "Last questions")
ask(last, K.SHORT_TEXT, "Vad är bäst med boendestödet?", "What is best about home support?")
ask(last, K.LONG_TEXT, "Vad kan bli bättre?", "What could be better?")
services.survey_set_status(survey=survey, actor=admin, status="open")
print(survey.token)
"""

COUNT = """
from medvind.surveys.models import Response
responses = Response.objects.filter(survey__token="{token}")
print(responses.filter(submitted_at__isnull=False).count(), responses.filter(submitted_at__isnull=True).count())
"""

WORDS = [
    "personalen",
    "lyssnar",
    "tiderna",
    "träfflokalen",
    "information",
    "hjälpen",
    "planen",
    "kommer i tid",
]
TAG = re.compile(r"<(input|textarea)\b([^>]*)>")
ATTRIBUTE = re.compile(r'([a-zA-Z_:-]+)="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def answers(body: str, rng: random.Random) -> dict[str, object]:
    """A valid answer to each question on the page, read from its form: fields named q<id>."""
    fields: dict[str, tuple[str, list[str]]] = {}
    for tag, raw in TAG.findall(body):
        attributes = dict(ATTRIBUTE.findall(raw))
        name = attributes.get("name", "")
        if not re.fullmatch(r"q\d+", name):
            continue
        kind = "textarea" if tag == "textarea" else attributes.get("type", "text")
        if kind == "text" and attributes.get("inputmode") == "numeric":
            kind = "number"
        fields.setdefault(name, (kind, []))[1].append(attributes.get("value", ""))
    form: dict[str, object] = {}
    for name, (kind, values) in fields.items():
        if kind == "radio":
            form[name] = rng.choice(values)
        elif kind == "checkbox":
            form[name] = rng.sample(values, rng.randint(1, min(2, len(values))))
        elif kind == "number":
            # The range is in the help text ("... from 1 to 30."), in the respondent's language.
            help_text = re.search(rf'id="id_{name}_helptext"[^>]*>([^<]*)<', body)
            bounds = [int(x) for x in re.findall(r"-?\d+", help_text.group(1))] if help_text else []
            low, high = (bounds[0], bounds[1]) if len(bounds) >= 2 else (1, 1)
            form[name] = str(rng.randint(low, min(high, low + 20)))
        elif kind == "text":
            form[name] = " ".join(rng.sample(WORDS, 2)).capitalize()
        elif kind == "textarea" and rng.random() < 0.6:
            form[name] = (
                f"{' '.join(rng.sample(WORDS, 4)).capitalize()}. Det vore bra om {rng.choice(WORDS)} ändras."
            )
    return form


class Failed(Exception):
    pass


class TimeUp(Exception):
    """The run is over: a respondent stops where it is, and its response stays unsent."""


class Respondents:
    """The respondents of one load process; latencies are kept only for requests started after warm-up."""

    def __init__(self, port: int, token: str, measure_from: float, stop_at: float, process: int) -> None:
        self.port, self.token = port, token
        self.measure_from, self.stop_at = measure_from, stop_at
        self.process = process
        self.latencies: dict[str, list[float]] = {kind: [] for kind in KINDS}
        self.errors: dict[str, int] = dict.fromkeys(KINDS, 0)
        self.samples: list[str] = []
        self.counts = {"started": 0, "submitted": 0, "abandoned": 0}
        self.people = 0

    async def think(self, rng: random.Random) -> None:
        if THINK > 0:
            await asyncio.sleep(rng.uniform(0, 2 * THINK))

    async def call(self, kind: str, method: str, path: str, headers: dict[str, str], body: str = ""):
        started = time.monotonic()
        if started >= self.stop_at:
            raise TimeUp
        try:
            status, pairs, content = await request(self.port, method, path, headers, body)
        except Exception as error:  # noqa: BLE001 - every failure counts as an error
            self.fail(kind, f"{kind} {path}: {type(error).__name__}: {error}")
            raise Failed from error
        expected = 302 if method == "POST" else 200
        if status != expected:
            self.fail(kind, f"{kind} {path}: status {status}, not {expected}")
            raise Failed
        if started >= self.measure_from:
            self.latencies[kind].append(time.monotonic() - started)
        return pairs, content

    def fail(self, kind: str, why: str) -> None:
        self.errors[kind] += 1
        if len(self.samples) < 5:
            self.samples.append(why)

    async def respondent(self, n: int) -> None:
        rng = random.Random(f"{self.process}-{n}")
        await asyncio.sleep(rng.uniform(0, 1))  # not all at the same instant
        while time.monotonic() < self.stop_at:
            self.people += 1
            person = self.process * 1_000_000 + self.people
            try:
                await self.answer(rng, f"10.{person >> 16 & 255}.{person >> 8 & 255}.{person & 255}")
            except Failed:
                self.counts["abandoned"] += 1
            except TimeUp:
                return

    async def answer(self, rng: random.Random, address: str) -> None:
        jar: dict[str, str] = {}  # a new browser: no cookies

        def headers() -> dict[str, str]:
            sent = {"X-Forwarded-For": address}
            if jar:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
            return sent

        start = f"/sv/s/{self.token}/"
        pairs, body = await self.call("start_page", "GET", start, headers())
        jar.update(cookies(pairs))
        await self.think(rng)
        csrf = CSRF.search(body)
        language = rng.choice(["sv", "sv", "en"])
        form = {"language": language, "csrfmiddlewaretoken": csrf.group(1) if csrf else ""}
        pairs, _ = await self.call("start", "POST", start, headers(), urlencode(form))
        jar.update(cookies(pairs))
        self.counts["started"] += 1
        location = header(pairs, "location") or ""
        for _page in range(10):  # three pages, and one again if an answer opens a question on it
            await self.think(rng)
            pairs, body = await self.call("page", "GET", location, headers())
            jar.update(cookies(pairs))
            await self.think(rng)
            csrf = CSRF.search(body)
            action = "send" if 'value="send"' in body else "next"
            form = {
                **answers(body, rng),
                "action": action,
                "csrfmiddlewaretoken": csrf.group(1) if csrf else "",
            }
            kind = "submit" if action == "send" else "next"
            pairs, _ = await self.call(kind, "POST", location, headers(), urlencode(form, doseq=True))
            jar.update(cookies(pairs))
            location = header(pairs, "location") or ""
            if "/done/" in location:
                self.counts["submitted"] += 1
                await self.call("done", "GET", location, headers())
                return
            if "/page/" not in location:
                self.fail(kind, f"{kind}: sent to {location!r}")
                raise Failed
        self.fail("next", "more than 10 pages")
        raise Failed


def load_process(port: int, token: str, first: int, count: int, measure_wall: float, stop_wall: float, queue):
    now_wall, now = time.time(), time.monotonic()
    group = Respondents(port, token, now + measure_wall - now_wall, now + stop_wall - now_wall, first)

    async def main() -> None:
        await asyncio.gather(*(group.respondent(n) for n in range(count)))

    try:
        asyncio.run(main())
    finally:
        queue.put((group.latencies, group.errors, group.samples, group.counts))


def database_counts(env: dict[str, str], token: str) -> tuple[int, int]:
    submitted, open_ = run.step(env, "manage.py", "shell", "-c", COUNT.format(token=token)).split()[-2:]
    return int(submitted), int(open_)


def main() -> int:
    started = time.monotonic()
    run.WORK.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        DATABASE.with_name(DATABASE.name + suffix).unlink(missing_ok=True)
    env = run.server_environment(f"sqlite:///{DATABASE}")
    env["TRUSTED_PROXY_COUNT"] = "1"  # each respondent's own address comes in X-Forwarded-For
    run.step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run.step(env, "manage.py", "load_demo")
    run.step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    token = run.step(env, "manage.py", "shell", "-c", SETUP).strip().splitlines()[-1]
    load_before = os.getloadavg()[0]
    if load_before > 0.5:
        run.say(f"warning: load average {load_before:.1f} before the run; other work lowers the figures")
    port = run.free_port()
    base = f"http://127.0.0.1:{port}"
    server = run.start_server(env, port)
    try:
        run.wait_until_up(server, base)
        run.check(base, f"/sv/s/{token}/")
        run.say(
            f"{RESPONDENTS} respondents on survey {token} for {run.WARMUP:g} + {SECONDS:g} s, "
            f"thinking {THINK:g} s on average between requests, from {PROCESSES} processes"
        )
        queue: multiprocessing.Queue = multiprocessing.Queue()
        measure_wall = time.time() + run.WARMUP
        stop_wall = measure_wall + SECONDS
        shares = [RESPONDENTS // PROCESSES + (i < RESPONDENTS % PROCESSES) for i in range(PROCESSES)]
        processes = [
            multiprocessing.Process(
                target=load_process, args=(port, token, i, share, measure_wall, stop_wall, queue)
            )
            for i, share in enumerate(shares)
        ]
        busy_before, total_before = run.machine_ticks()
        own_before = run.own_ticks()
        for p in processes:
            p.start()
        results = [queue.get(timeout=run.WARMUP + SECONDS + 120) for _ in processes]
        for p in processes:
            p.join()
        busy_after, total_after = run.machine_ticks()
        own = run.own_ticks() - own_before
        total = max(1, total_after - total_before)
        others = max(0.0, 100 * (busy_after - busy_before - own) / total)
        run.say(f"CPUs {100 * (busy_after - busy_before) / total:.0f}% busy, {others:.0f}% by other programs")
        if others > 10:
            run.say(f"warning: other programs used {others:.0f}% of the CPUs; the figures are low")
    finally:
        run.stop_server(server)
    submitted, still_open = database_counts(env, token)
    latencies: dict[str, list[float]] = {kind: [] for kind in KINDS}
    errors = dict.fromkeys(KINDS, 0)
    samples: list[str] = []
    counts = {"started": 0, "submitted": 0, "abandoned": 0}
    for part_latencies, part_errors, part_samples, part_counts in results:
        for kind in KINDS:
            latencies[kind] += part_latencies[kind]
            errors[kind] += part_errors[kind]
        samples += part_samples
        for key, value in part_counts.items():
            counts[key] += value
    run.say(
        f"clients started {counts['started']} responses and saw {counts['submitted']} sent "
        f"({counts['abandoned']} abandoned after an error); the database has {submitted} submitted and "
        f"{still_open} not sent (cut off at the end or abandoned); done in {time.monotonic() - started:.0f} s"
    )
    if samples:
        run.say(f"errors, for example: {samples[:3]}")
    for kind in KINDS:
        print(line(f"survey_respond_{kind}", latencies[kind], errors[kind], SECONDS), flush=True)
    every = [x for kind in KINDS for x in latencies[kind]]
    print(line("survey_respond_all", every, sum(errors.values()), SECONDS), flush=True)
    lost = counts["submitted"] - submitted
    print(f"BENCH survey_respond_lost responses={lost}", flush=True)
    return 1 if sum(errors.values()) or lost else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.chdir(Path(__file__).resolve().parents[1])
    sys.exit(main())
