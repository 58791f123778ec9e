"""Survey results at scale: the results page and a cross-tabulation of a questionnaire with 30 questions
and 100,000 responses (bench/surveys_data.py), on SQLite and on PostgreSQL.

    uv run python bench/surveys.py

For each database (BENCH_DATABASES, sqlite,postgres): a throwaway database (var/bench/surveys.sqlite3,
or BENCH_SURVEY_DATABASE_URL, postgres://postgres@127.0.0.1:5432/medvind_bench_surveys, created and
dropped), migrated, with the demo and the data set; then every page is requested BENCH_SURVEY_REPEAT (5)
times through Django's test client with production settings, signed in as the audit's coordinator.
The target is under 2 seconds a page. Prints `BENCH surveys_results|surveys_crosstab|
surveys_group_crosstab rps=… p50_ms=… p95_ms=… p99_ms=… errors=…` (with a `pg_` prefix on PostgreSQL)
and exits non-zero on errors.
"""

import json
import os
import signal
import sys
import time

import load
import run

DATABASE = run.WORK / "surveys.sqlite3"
POSTGRES_URL = (
    os.environ.get("BENCH_SURVEY_DATABASE_URL", "").strip()
    or "postgres://postgres@127.0.0.1:5432/medvind_bench_surveys"
)


def prepare(env: dict[str, str]) -> None:
    run.WORK.mkdir(parents=True, exist_ok=True)
    run.step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run.step(env, "manage.py", "load_demo")
    run.step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    data = json.loads(run.step(env, "bench/surveys_data.py", "generate"))
    run.say(f"surveys data: {json.dumps(data['counts'])}")


def measured(env: dict[str, str], prefix: str) -> list[load.Result]:
    timings = json.loads(run.step(env, "bench/surveys_data.py", "measure"))
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
        print(result.line())
    sys.stdout.flush()
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
