"""The knowledge bank search, the contact bank and the learning paths at scale: 10,000 knowledge items,
10,000 organisations and 200 learning paths (bench/knowledge_data.py), on SQLite and on PostgreSQL.

    uv run python bench/knowledge.py

For each database (BENCH_DATABASES, sqlite,postgres): a throwaway database (var/bench/knowledge.sqlite3,
or BENCH_KNOWLEDGE_DATABASE_URL, postgres://postgres@127.0.0.1:5432/medvind_bench_knowledge, created
and dropped), migrated, with the demo and the data set; then every page is requested
BENCH_KNOWLEDGE_REPEAT (20) times after one warm-up, through Django's test client with production
settings, signed in as the facilitator (facilitator@demo.example; the path builder as the platform
admin, admin@demo.example). The pages: the knowledge bank list, searches in Swedish and Danish, a search
with every filter, a search that finds nothing, a tag, one item; the contact bank list, a search and one
municipality; the learning paths and the path builder with a search. The target is a p95 under 300 ms
a page; a page over it is named in a warning on stderr. Prints `BENCH knowledge_list|
knowledge_search_sv|… rps=… p50_ms=… p95_ms=… p99_ms=… errors=…` (with a `pg_` prefix on PostgreSQL;
rps is requests in a row, one at a time) and exits non-zero on errors (a status other than 200).
The whole run takes about two minutes.

Environment: BENCH_DATABASES, BENCH_KNOWLEDGE_DATABASE_URL, BENCH_KNOWLEDGE_REPEAT, and the sizes of
the data set (BENCH_KNOWLEDGE_ITEMS, BENCH_KNOWLEDGE_ORGANISATIONS, BENCH_KNOWLEDGE_PATHS; see
bench/knowledge_data.py).
"""

import json
import os
import signal
import sys
import time

import load
import run

DATABASE = run.WORK / "knowledge.sqlite3"
POSTGRES_URL = (
    os.environ.get("BENCH_KNOWLEDGE_DATABASE_URL", "").strip()
    or "postgres://postgres@127.0.0.1:5432/medvind_bench_knowledge"
)
TARGET_MS = 300  # p95 of every page


def prepare(env: dict[str, str]) -> None:
    run.WORK.mkdir(parents=True, exist_ok=True)
    run.step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run.step(env, "manage.py", "load_demo")
    run.step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    data = json.loads(run.step(env, "bench/knowledge_data.py", "generate"))
    run.say(f"knowledge data: {json.dumps(data['counts'])}")


def measured(env: dict[str, str], prefix: str) -> list[load.Result]:
    timings = json.loads(run.step(env, "bench/knowledge_data.py", "measure"))
    return [
        load.Result(f"{prefix}{name}", t["seconds"], t["latencies"], t["errors"])
        for name, t in timings.items()
    ]


def sqlite_run() -> list[load.Result]:
    for suffix in ("", "-wal", "-shm", "-journal"):
        DATABASE.with_name(DATABASE.name + suffix).unlink(missing_ok=True)
    env = run.server_environment(f"sqlite:///{DATABASE}")
    prepare(env)
    return measured(env, "")


def postgres_run(url: str) -> list[load.Result]:
    env = run.server_environment(url)
    with run.fresh_postgres_database(url):
        prepare(env)
        return measured(env, "pg_")


def main() -> int:
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results: list[load.Result] = []
    if "sqlite" in run.DATABASES:
        results += sqlite_run()
    if "postgres" in run.DATABASES:
        if run.postgres_answers(POSTGRES_URL):
            results += postgres_run(POSTGRES_URL)
        else:
            run.say(f"PostgreSQL does not answer at {run.maintenance_url(POSTGRES_URL)[0]}: SQLite only")
    run.say(f"done in {time.monotonic() - started:.0f} s")
    for result in results:
        if result.percentile_ms(95) > TARGET_MS:
            run.say(
                f"warning: {result.name} has a p95 of {result.percentile_ms(95):.0f} ms, over {TARGET_MS} ms"
            )
    for result in results:
        print(result.line())
    sys.stdout.flush()
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
