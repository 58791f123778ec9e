"""`make bench`: serve Medvind with gunicorn (DEBUG off) on 127.0.0.1 and load it from separate processes.

Order of a run:
1. a throwaway SQLite database under var/bench/ (migrate, the demo, collectstatic);
2. gunicorn with production settings, 2 workers x 1 thread, as `make run` serves;
3. `ceiling`: /healthz, a view that touches nothing, so every page reads as a ratio of it;
4. each page on the demo data (`<page>_demo`), then the large generated data set (bench/data.py) is
   added and each page is measured again (`<page>`), plus the sign-in page;
5. 100,000 proposals with 1,000,000 supports and 300,000 comments (bench/proposals_data.py) are added
   to the measured space, and the proposal pages are measured (`proposals_list`, ...);
6. if PostgreSQL answers, the same proposal pages on PostgreSQL (`pg_proposals_list`, ...): a fresh
   database is created, migrated and filled the same way, measured, and dropped.
It ends with one `BENCH <name> rps=… p50_ms=… p95_ms=… p99_ms=… errors=…` line per target and exits
non-zero if any target had an error. Progress goes to stderr, with the share of the CPUs that other
programs used during each target (the machine has only two cores, so anything else running shows).

Environment: BENCH_SECONDS (measured seconds per target, 8), BENCH_WARMUP (1), BENCH_CONCURRENCY
(connections, 8), BENCH_PROCESSES (load-generator processes, 2), BENCH_WORKERS (2), BENCH_THREADS (1),
BENCH_DATABASES (sqlite,postgres), BENCH_DATABASE_URL (the PostgreSQL database to create, fill and
drop: postgres://postgres@127.0.0.1:5432/medvind_bench; it must not exist yet).
"""

import contextlib
import json
import os
import resource
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import load
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "var" / "bench"
DATABASE = WORK / "bench.sqlite3"
PYTHON = sys.executable
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def env_number(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    return float(value) if value else default


SECONDS = env_number("BENCH_SECONDS", 8)
WARMUP = env_number("BENCH_WARMUP", 1)
CONCURRENCY = int(env_number("BENCH_CONCURRENCY", 8))
PROCESSES = int(env_number("BENCH_PROCESSES", 2))
WORKERS = int(env_number("BENCH_WORKERS", 2))
THREADS = int(env_number("BENCH_THREADS", 1))  # as `make run` serves; see docs/performance.md
PAGES = ["home", "spaces", "space", "organisations", "organisation"]
PROPOSAL_PAGES = [
    "proposals_list",
    "proposals_list_filtered",
    "proposals_list_overdue",
    "proposal_page",
    "accountability",
    "similar",
    "similar_no_match",
]
DATABASES = {name.strip() for name in os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")}
POSTGRES_URL = (
    os.environ.get("BENCH_DATABASE_URL", "").strip() or "postgres://postgres@127.0.0.1:5432/medvind_bench"
)


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def secret_key(length: int = 50) -> str:
    alphabet = string.ascii_letters + string.digits + "!#%&()*+,-./:;<=>?@[]^_{|}~"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def server_environment(database_url: str = f"sqlite:///{DATABASE}") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL", "SECRET_KEY"}}
    env.update(
        DJANGO_SETTINGS_MODULE="medvind.settings.production",
        SECRET_KEY=secret_key(),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        EMAIL_URL="locmem://",
        LOG_LEVEL="WARNING",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    )
    return env


def step(env: dict[str, str], *args: str) -> str:
    started = time.monotonic()
    done = subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"bench: `{' '.join(args)}` failed with exit code {done.returncode}")
    say(f"{' '.join(args)} ({time.monotonic() - started:.1f} s)")
    if done.stderr.strip():
        sys.stderr.write(done.stderr)
    return done.stdout


def prepare(env: dict[str, str]) -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    if env["DATABASE_URL"].startswith("sqlite"):
        for suffix in ("", "-wal", "-shm", "-journal"):
            DATABASE.with_name(DATABASE.name + suffix).unlink(missing_ok=True)
    step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    step(env, "manage.py", "load_demo")
    # Production serves static files through whitenoise's manifest storage, which needs collectstatic.
    step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    return json.loads(step(env, "bench/data.py", "targets"))


def maintenance_url(url: str) -> tuple[str, str]:
    """The address of the server's `postgres` database, and the name of the database in `url`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres")), parts.path.lstrip("/")


def postgres_answers(url: str) -> bool:
    try:
        psycopg.connect(maintenance_url(url)[0], connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


@contextlib.contextmanager
def fresh_postgres_database(url: str):
    """Create the database, and drop it afterwards whatever happens. One that exists is left alone."""
    server, name = maintenance_url(url)
    with psycopg.connect(server, autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            raise SystemExit(f"bench: the database {name} exists; drop it or set BENCH_DATABASE_URL")
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    say(f"created the PostgreSQL database {name}")
    try:
        yield
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        say(f"dropped the PostgreSQL database {name}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "medvind.wsgi:application",
        "--pythonpath",
        "src",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WORKERS),
        "--threads",
        str(THREADS),
        "--error-logfile",
        "-",
    ]
    # Its own session, so that stopping it can reach every worker it started.
    with (WORK / "gunicorn.log").open("w") as log:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True)


def wait_until_up(server: subprocess.Popen, base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"bench: gunicorn exited with {server.returncode}; see {WORK / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"bench: gunicorn did not answer /healthz within {timeout:.0f} s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=15)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)  # any worker left behind in the group we started
    server.wait()


def check(base: str, path: str) -> None:
    """One request first, so that a page that answers 302 or 404 is reported plainly."""
    request = urllib.request.Request(f"{base}{path}", headers={"User-Agent": "medvind-bench/1"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        say(f"warning: {path} answers {status}, not 200")


def machine_ticks() -> tuple[int, int]:
    """Busy and total CPU ticks of the whole machine so far (Linux /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def tree_ticks(pid: int) -> int:
    """CPU ticks used so far by a process and its live descendants."""
    ticks, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            ticks += sum(int(x) for x in stat.rsplit(")", 1)[1].split()[11:13])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return ticks


def own_ticks() -> int:
    """Ticks used by this process, its live descendants (gunicorn) and its finished children (the load
    generators)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return tree_ticks(os.getpid()) + round((children.ru_utime + children.ru_stime) * CLOCK_TICKS)


def database_ticks(url: str | None) -> dict[int, int]:
    """Ticks used so far by each PostgreSQL server process that serves the database at `url`: their work
    is the benchmark's, though they are not this run's children."""
    if url is None:
        return {}
    server, name = maintenance_url(url)
    with psycopg.connect(server) as connection:
        rows = connection.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [name]).fetchall()
    return {pid: tree_ticks(pid) for (pid,) in rows}


def measure(base: str, name: str, path: str, database_url: str | None = None) -> load.Result:
    check(base, path)
    busy_before, total_before = machine_ticks()
    own_before, database_before = own_ticks(), database_ticks(database_url)
    say(f"measuring {name} ({path}) for {WARMUP:g} + {SECONDS:g} s at concurrency {CONCURRENCY}")
    result = load.run(
        f"{base}{path}",
        name=name,
        seconds=SECONDS,
        warmup=WARMUP,
        concurrency=CONCURRENCY,
        processes=PROCESSES,
    )
    busy_after, total_after = machine_ticks()
    # Connections live a minute (CONN_MAX_AGE): count what each server process used meanwhile, all of it
    # for one that started meanwhile; one that ended meanwhile is missed.
    database = sum(t - database_before.get(pid, 0) for pid, t in database_ticks(database_url).items())
    own = own_ticks() - own_before + database
    total = max(1, total_after - total_before)
    busy = 100 * (busy_after - busy_before) / total
    others = max(0.0, 100 * (busy_after - busy_before - own) / total)
    by_database = f", {100 * database / total:.0f}% by PostgreSQL" if database_url else ""
    say(f"{result.line()}  (CPUs {busy:.0f}% busy{by_database}, {others:.0f}% by other programs)")
    if others > 10:
        say(f"  warning: other programs used {others:.0f}% of the CPUs during {name}; its figures are low")
    if result.errors:
        say(f"  errors in {name}: {', '.join(result.error_samples)}")
    if result.reconnects:
        say(f"  {result.reconnects} stale keep-alive connections were reopened in {name}")
    return result


@contextlib.contextmanager
def serving(env: dict[str, str]):
    """gunicorn on a free port for the duration; yields its base address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    say(f"starting gunicorn on {base}; its log is {WORK / 'gunicorn.log'}")
    server = start_server(env, port)
    try:
        wait_until_up(server, base)
        yield base
    finally:
        stop_server(server)


def measure_proposals(
    base: str, env: dict[str, str], prefix: str = "", database_url: str | None = None
) -> list[load.Result]:
    """Add the proposals data set (bench/proposals_data.py) and measure the proposal pages on it."""
    proposals = json.loads(step(env, "bench/proposals_data.py", "generate"))
    say(f"proposals data: {json.dumps(proposals['counts'])}")
    return [
        measure(base, f"{prefix}{page}", proposals["paths"][page], database_url) for page in PROPOSAL_PAGES
    ]


def sqlite_run() -> list[load.Result]:
    env = server_environment()
    targets = prepare(env)
    say(f"demo data: {json.dumps(targets['counts'])}")
    results: list[load.Result] = []
    with serving(env) as base:
        results.append(measure(base, "ceiling", "/healthz"))
        for page in PAGES:
            results.append(measure(base, f"{page}_demo", targets["paths"][page]))
        scaled = json.loads(step(env, "bench/data.py", "scale"))
        say(f"large data: {json.dumps(scaled['counts'])}")
        if scaled["paths"] != targets["paths"]:
            raise SystemExit(f"bench: the measured pages moved: {targets['paths']} -> {scaled['paths']}")
        for page in PAGES:
            results.append(measure(base, page, scaled["paths"][page]))
        results.append(measure(base, "login", f"{targets['paths']['home']}accounts/login/"))
        results += measure_proposals(base, env)
    return results


def postgres_run(url: str) -> list[load.Result]:
    """The proposal pages on PostgreSQL, on a database made, filled and dropped like the SQLite one."""
    env = server_environment(url)
    with fresh_postgres_database(url):
        prepare(env)
        step(env, "bench/data.py", "scale")
        with serving(env) as base:
            return measure_proposals(base, env, prefix="pg_", database_url=url)


def data_bench(data_script: str, sqlite_path: Path, postgres_url: str, target_ms: float | None = None) -> int:
    """The benches that time pages in process on a generated data set (bench/surveys.py,
    bench/knowledge.py): for SQLite (a throwaway file) and PostgreSQL (a fresh database, dropped after),
    migrate, load the demo, `<data_script> generate`, then `<data_script> measure`; print the BENCH
    lines (`pg_` prefix on PostgreSQL) and return 1 if any page had an error."""
    started = time.monotonic()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    def prepare_and_measure(env: dict[str, str], prefix: str) -> list[load.Result]:
        WORK.mkdir(parents=True, exist_ok=True)
        step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
        step(env, "manage.py", "load_demo")
        step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
        data = json.loads(step(env, data_script, "generate"))
        say(f"{data_script} data: {json.dumps(data['counts'])}")
        timings = json.loads(step(env, data_script, "measure"))
        return [
            load.Result(f"{prefix}{name}", t["seconds"], t["latencies"], t["errors"])
            for name, t in timings.items()
        ]

    results: list[load.Result] = []
    if "sqlite" in DATABASES:
        for suffix in ("", "-wal", "-shm", "-journal"):
            sqlite_path.with_name(sqlite_path.name + suffix).unlink(missing_ok=True)
        results += prepare_and_measure(server_environment(f"sqlite:///{sqlite_path}"), "")
    if "postgres" in DATABASES:
        if postgres_answers(postgres_url):
            with fresh_postgres_database(postgres_url):
                results += prepare_and_measure(server_environment(postgres_url), "pg_")
        else:
            say(f"PostgreSQL does not answer at {maintenance_url(postgres_url)[0]}: SQLite only")
    say(f"done in {time.monotonic() - started:.0f} s")
    for result in results:
        if target_ms is not None and result.percentile_ms(95) > target_ms:
            say(f"warning: {result.name} has a p95 of {result.percentile_ms(95):.0f} ms, over {target_ms} ms")
        print(result.line())
    sys.stdout.flush()
    return 1 if any(result.errors for result in results) else 0


def main() -> int:
    started = time.monotonic()
    # A SIGTERM (a CI timeout, say) unwinds like Ctrl+C, so the `finally`s still stop gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    say(
        f"{os.cpu_count()} CPUs; {WORKERS} gunicorn workers x {THREADS} threads; settings "
        f"{server_environment()['DJANGO_SETTINGS_MODULE']}; databases {', '.join(sorted(DATABASES, reverse=True))}"
    )
    busy = os.getloadavg()[0]
    if busy > 0.5:
        say(f"warning: load average {busy:.1f} before the run; other work on this machine lowers the figures")
    results: list[load.Result] = []
    if "sqlite" in DATABASES:
        results += sqlite_run()
    if "postgres" in DATABASES:
        if postgres_answers(POSTGRES_URL):
            results += postgres_run(POSTGRES_URL)
        elif os.environ.get("BENCH_DATABASE_URL", "").strip():
            raise SystemExit(f"bench: PostgreSQL does not answer at {maintenance_url(POSTGRES_URL)[0]}")
        else:
            say(f"PostgreSQL does not answer at {maintenance_url(POSTGRES_URL)[0]}: measured on SQLite only")
    say(f"done in {time.monotonic() - started:.0f} s")
    for result in results:
        print(result.line())
    sys.stdout.flush()
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
