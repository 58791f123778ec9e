"""A live event under load: 500 audience members polling, 50 of them asking and upvoting.

    uv run python bench/events.py

1. a throwaway SQLite database under var/bench/ (migrate, the demo, collectstatic) and one open event
   without pre-moderation, with a few questions;
2. gunicorn with production settings (DEBUG off) on 127.0.0.1, started by bench/run.py's start_server
   (BENCH_WORKERS, 2; BENCH_THREADS, 1), with the Redis cache when Redis answers on 127.0.0.1:6379 (database BENCH_REDIS_DB, 11), so that all workers
   share the event's version;
3. for BENCH_EVENT_SECONDS (60): 500 pollers, each asking for /da/e/<code>/live/?v=<version> every 2
   seconds (the request the htmx audience page makes), in two processes; 50 posters in a third process,
   each asking a question every 15 seconds and upvoting a question it has not voted for every 3 seconds
   (within the per-browser rate limits). Open loop: a slow answer does not slow the schedule of others.
   Every request opens its own connection, as phones on a venue's wifi do;
4. the database is counted: every question and upvote the clients got a success for must be there.

Prints `BENCH event_poll|event_post|event_upvote rps=… p50_ms=… p95_ms=… p99_ms=… errors=…` and
`BENCH event_lost questions=… upvotes=…`; exits non-zero on errors or lost writes.
"""

import asyncio
import math
import multiprocessing
import os
import random
import re
import socket
import sys
import time
from pathlib import Path

import run

ROOT = Path(__file__).resolve().parents[1]
DATABASE = run.WORK / "events.sqlite3"
SECONDS = run.env_number("BENCH_EVENT_SECONDS", 60)
POLLERS = int(run.env_number("BENCH_EVENT_POLLERS", 500))
POSTERS = int(run.env_number("BENCH_EVENT_POSTERS", 50))
POLL_EVERY, ASK_EVERY, UPVOTE_EVERY = 2.0, 15.0, 3.0
REDIS_DB = int(run.env_number("BENCH_REDIS_DB", 11))

SETUP = """
import datetime as dt
from django.utils import timezone
from medvind.accounts.models import User
from medvind.core.models import Space
from medvind.events import services
admin = User.objects.get(email="admin@demo.example")
space = Space.objects.get(slug="workshop-og-paneldebat-om-fagsystemet")
now = timezone.now()
event = services.event_create(space=space, actor=admin, title="Paneldebat under belastning",
    starts_at=now, ends_at=now + dt.timedelta(hours=2), premoderated=False)
event = services.event_set_status(event=event, actor=admin, status="open")
for i in range(10):
    services.question_ask(event=event, actor=admin, text=f"Spørgsmål nummer {i} om fagsystemet")
print(event.code)
"""

COUNT = """
from medvind.events.models import Event, Question, Upvote
event = Event.objects.get(code="{code}")
print(Question.objects.filter(event=event).count(), Upvote.objects.filter(question__event=event).count())
"""


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


# A tiny HTTP/1.1 client on asyncio ----------------------------------------------------------------


async def request(port: int, method: str, path: str, headers: dict[str, str] | None = None, body: str = ""):
    """(status, headers as a list of (name, value) in lower case, body); an error after 10 seconds."""
    return await asyncio.wait_for(_request(port, method, path, headers, body), timeout=10)


async def _request(port: int, method: str, path: str, headers: dict[str, str] | None, body: str):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        lines = [
            f"{method} {path} HTTP/1.1",
            "Host: 127.0.0.1",
            "User-Agent: medvind-bench/1",
            "Connection: close",
        ]
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        data = body.encode()
        if method == "POST":
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(data)}"]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, content = raw.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    status = int(head_lines[0].split()[1])
    pairs = [tuple(x.strip() for x in line.split(":", 1)) for line in head_lines[1:] if ":" in line]
    return status, [(k.lower(), v) for k, v in pairs], content.decode("utf-8", "replace")


def header(pairs, name: str) -> str | None:
    return next((v for k, v in pairs if k == name), None)


def cookies(pairs) -> dict[str, str]:
    jar = {}
    for k, v in pairs:
        if k == "set-cookie":
            name, _, rest = v.partition("=")
            jar[name] = rest.split(";", 1)[0]
    return jar


class Stats:
    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.started: list[float] = []  # wall-clock time of each answered request, for the time slices
        self.errors = 0
        self.samples: list[str] = []

    def ok(self, seconds: float) -> None:
        self.latencies.append(seconds)
        self.started.append(time.time() - seconds)

    def fail(self, why: str) -> None:
        self.errors += 1
        if len(self.samples) < 5:
            self.samples.append(why)


async def poller(port: int, code: str, stop_at: float, stats: Stats) -> None:
    version, jar = "", {}  # a browser keeps the cookies it is given
    next_at = time.monotonic() + random.uniform(0, POLL_EVERY)
    while next_at < stop_at:
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        started = time.monotonic()
        try:
            cookie = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())} if jar else {}
            status, pairs, _body = await request(port, "GET", f"/da/e/{code}/live/?v={version}", cookie)
            if status in (200, 204):
                stats.ok(time.monotonic() - started)
                version = header(pairs, "x-event-version") or version
                jar.update(cookies(pairs))
            else:
                stats.fail(f"poll status {status}")
        except Exception as error:  # noqa: BLE001 - every failure counts as an error
            stats.fail(f"poll {type(error).__name__}: {error}")
        next_at += POLL_EVERY


async def poster(
    port: int, code: str, stop_at: float, n: int, post: Stats, vote: Stats, counts: dict
) -> None:
    status, pairs, body = await request(port, "GET", f"/da/e/{code}/")
    jar = cookies(pairs)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not token or "csrftoken" not in jar:
        post.fail(f"audience page status {status}")
        return
    csrf = token.group(1)
    voted: set[str] = set()
    next_ask = time.monotonic() + random.uniform(0, ASK_EVERY)
    next_vote = time.monotonic() + random.uniform(0, UPVOTE_EVERY)
    asked = 0
    while min(next_ask, next_vote) < stop_at:
        await asyncio.sleep(max(0.0, min(next_ask, next_vote) - time.monotonic()))
        cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
        if next_ask <= next_vote:
            next_ask += ASK_EVERY
            asked += 1
            form = (
                f"text=Sp%C3%B8rgsm%C3%A5l+{asked}+fra+deltager+{n}+om+dobbeltregistrering&name=Deltager+{n}"
            )
            started = time.monotonic()
            try:
                status, pairs, _ = await request(
                    port,
                    "POST",
                    f"/da/e/{code}/ask/",
                    {"Cookie": cookie},
                    f"{form}&csrfmiddlewaretoken={csrf}",
                )
                if status == 302:
                    post.ok(time.monotonic() - started)
                    counts["questions"] += 1
                    jar.update({k: v for k, v in cookies(pairs).items() if k == "mv_audience"})
                else:
                    post.fail(f"ask status {status}")
            except Exception as error:  # noqa: BLE001
                post.fail(f"ask {type(error).__name__}: {error}")
        else:
            next_vote += UPVOTE_EVERY
            try:
                _s, _p, fragment = await request(port, "GET", f"/da/e/{code}/live/")
                ids = [i for i in re.findall(r"/questions/(\d+)/upvote/", fragment) if i not in voted]
            except Exception as error:  # noqa: BLE001
                vote.fail(f"fragment {type(error).__name__}: {error}")
                continue
            if not ids:
                continue
            chosen = random.choice(ids)
            started = time.monotonic()
            try:
                status, pairs, _ = await request(
                    port,
                    "POST",
                    f"/da/e/{code}/questions/{chosen}/upvote/",
                    {"Cookie": cookie},
                    f"csrfmiddlewaretoken={csrf}",
                )
                result = header(pairs, "x-event-result")
                if status == 302 and result == "counted":
                    vote.ok(time.monotonic() - started)
                    voted.add(chosen)
                    counts["upvotes"] += 1
                elif status == 302:
                    vote.ok(time.monotonic() - started)
                    counts[f"upvote_{result}"] = counts.get(f"upvote_{result}", 0) + 1
                    voted.add(chosen)
                    jar.update({k: v for k, v in cookies(pairs).items() if k == "mv_audience"})
                else:
                    vote.fail(f"upvote status {status}")
            except Exception as error:  # noqa: BLE001
                vote.fail(f"upvote {type(error).__name__}: {error}")


def poll_process(port: int, code: str, clients: int, stop_at_wall: float, queue) -> None:
    stats = Stats()
    stop_at = time.monotonic() + (stop_at_wall - time.time())

    async def main() -> None:
        await asyncio.gather(*(poller(port, code, stop_at, stats) for _ in range(clients)))

    try:
        asyncio.run(main())
    finally:
        run.say(f"pollers done: {len(stats.latencies)} answers, {stats.errors} errors")
        queue.put(("poll", stats.latencies, stats.errors, stats.samples, {"started": stats.started}))


def post_process(port: int, code: str, clients: int, stop_at_wall: float, queue) -> None:
    post, vote, counts = Stats(), Stats(), {"questions": 0, "upvotes": 0}
    stop_at = time.monotonic() + (stop_at_wall - time.time())

    async def main() -> None:
        await asyncio.gather(*(poster(port, code, stop_at, n, post, vote, counts) for n in range(clients)))

    try:
        asyncio.run(main())
    finally:
        queue.put(("post", post.latencies, post.errors, post.samples, counts))
        queue.put(("upvote", vote.latencies, vote.errors, vote.samples, {}))


def percentile_ms(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000


def line(name: str, latencies: list[float], errors: int, seconds: float) -> str:
    return (
        f"BENCH {name} rps={(len(latencies) + errors) / seconds:.1f} p50_ms={percentile_ms(latencies, 50):.1f} "
        f"p95_ms={percentile_ms(latencies, 95):.1f} p99_ms={percentile_ms(latencies, 99):.1f} errors={errors}"
    )


def say_slices(slices: list[tuple[float, float]], width: float = 10.0) -> None:
    """Poll p95 per slice of the run: a steady cost shows in every slice, a stall in one or two."""
    if not slices:
        return
    first = min(started for started, _ in slices)
    parts: dict[int, list[float]] = {}
    for started, seconds in slices:
        parts.setdefault(int((started - first) // width), []).append(seconds)
    run.say(
        f"poll p95 per {width:.0f} s: "
        + ", ".join(f"{percentile_ms(values, 95):.0f}" for _, values in sorted(parts.items()))
        + " ms"
    )


def main() -> int:
    run.WORK.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        DATABASE.with_name(DATABASE.name + suffix).unlink(missing_ok=True)
    env = run.server_environment(f"sqlite:///{DATABASE}")
    if redis_answers():
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{REDIS_DB}"
        run.say(f"cache: Redis database {REDIS_DB}")
    else:
        run.say("cache: Redis does not answer; each worker keeps its own cache (versions may lag 2 s)")
    run.step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run.step(env, "manage.py", "load_demo")
    run.step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    code = run.step(env, "manage.py", "shell", "-c", SETUP).strip().splitlines()[-1]
    before = [
        int(x)
        for x in run.step(env, "manage.py", "shell", "-c", COUNT.format(code=code))
        .strip()
        .splitlines()[-1]
        .split()
    ]
    port = run.free_port()
    server = run.start_server(env, port)
    try:
        run.wait_until_up(server, f"http://127.0.0.1:{port}")
        run.check(f"http://127.0.0.1:{port}", f"/da/e/{code}/")
        run.say(f"{POLLERS} pollers and {POSTERS} posters on event {code} for {SECONDS:.0f} s")
        queue: multiprocessing.Queue = multiprocessing.Queue()
        stop_at = time.time() + 1 + SECONDS
        half = POLLERS // 2
        processes = [
            multiprocessing.Process(target=poll_process, args=(port, code, half, stop_at, queue)),
            multiprocessing.Process(target=poll_process, args=(port, code, POLLERS - half, stop_at, queue)),
            multiprocessing.Process(target=post_process, args=(port, code, POSTERS, stop_at, queue)),
        ]
        busy_before, total_before = run.machine_ticks()
        own_before = run.own_ticks()
        for p in processes:
            p.start()
        results = [queue.get(timeout=SECONDS + 120) for _ in range(4)]
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
    after = [
        int(x)
        for x in run.step(env, "manage.py", "shell", "-c", COUNT.format(code=code))
        .strip()
        .splitlines()[-1]
        .split()
    ]
    merged: dict[str, tuple[list[float], int, list[str]]] = {}
    counts: dict[str, int] = {"questions": 0, "upvotes": 0}
    slices: list[tuple[float, float]] = []  # (started, seconds) of every answered poll
    for kind, latencies, errors, samples, extra in results:
        old = merged.get(kind, ([], 0, []))
        merged[kind] = (old[0] + latencies, old[1] + errors, old[2] + samples)
        for key, value in extra.items():
            if key == "started":
                slices.extend(zip(value, latencies, strict=True))
            else:
                counts[key] = counts.get(key, 0) + value
    say_slices(slices)
    failed = False
    for kind in ("poll", "post", "upvote"):
        latencies, errors, samples = merged[kind]
        print(line(f"event_{kind}", latencies, errors, SECONDS), flush=True)
        if errors:
            failed = True
            run.say(f"event_{kind} errors, for example: {samples[:3]}")
    lost_questions = counts["questions"] - (after[0] - before[0])
    lost_upvotes = counts["upvotes"] - (after[1] - before[1])
    print(f"BENCH event_lost questions={lost_questions} upvotes={lost_upvotes}", flush=True)
    run.say(
        f"clients got a success for {counts['questions']} questions and {counts['upvotes']} upvotes; "
        f"the database has {after[0] - before[0]} and {after[1] - before[1]} new; other answers to upvotes: "
        f"{ {k: v for k, v in counts.items() if k.startswith('upvote_')} }"
    )
    return 1 if failed or lost_questions or lost_upvotes else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    os.chdir(ROOT)
    sys.exit(main())
