"""`make bench`: serve Medvind with gunicorn (DEBUG off) on 127.0.0.1 and load it from separate processes.

Order of a run:
1. a throwaway SQLite database under var/bench/ (migrate, the demo, collectstatic);
2. gunicorn with production settings, 2 workers x 4 threads;
3. `ceiling`: /healthz, a view that touches nothing, so every page reads as a ratio of it;
4. each page on the demo data (`<page>_demo`), then the large generated data set (bench/data.py) is
   added and each page is measured again (`<page>`), plus the sign-in page.
It ends with one `BENCH <name> rps=… p50_ms=… p95_ms=… p99_ms=… errors=…` line per target and exits
non-zero if any target had an error. Progress goes to stderr, with the share of the CPUs that other
programs used during each target (the machine has only two cores, so anything else running shows).

Environment: BENCH_SECONDS (measured seconds per target, 8), BENCH_WARMUP (1), BENCH_CONCURRENCY
(connections, 8), BENCH_PROCESSES (load-generator processes, 2), BENCH_WORKERS (2), BENCH_THREADS (4).
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

import load

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
THREADS = int(env_number("BENCH_THREADS", 4))
PAGES = ["home", "spaces", "space", "organisations", "organisation"]


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def secret_key(length: int = 50) -> str:
    alphabet = string.ascii_letters + string.digits + "!#%&()*+,-./:;<=>?@[]^_{|}~"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def server_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL", "SECRET_KEY"}}
    env.update(
        DJANGO_SETTINGS_MODULE="medvind.settings.production",
        SECRET_KEY=secret_key(),
        DEBUG="0",
        SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{DATABASE}",
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
    for suffix in ("", "-wal", "-shm", "-journal"):
        DATABASE.with_name(DATABASE.name + suffix).unlink(missing_ok=True)
    step(env, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    step(env, "manage.py", "load_demo")
    # Production serves static files through whitenoise's manifest storage, which needs collectstatic.
    step(env, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    return json.loads(step(env, "bench/data.py", "targets"))


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


def measure(base: str, name: str, path: str) -> load.Result:
    check(base, path)
    busy_before, total_before = machine_ticks()
    own_before = own_ticks()
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
    own = own_ticks() - own_before
    total = max(1, total_after - total_before)
    busy = 100 * (busy_after - busy_before) / total
    others = max(0.0, 100 * (busy_after - busy_before - own) / total)
    say(f"{result.line()}  (CPUs {busy:.0f}% busy, {others:.0f}% by other programs)")
    if others > 10:
        say(f"  warning: other programs used {others:.0f}% of the CPUs during {name}; its figures are low")
    if result.errors:
        say(f"  errors in {name}: {', '.join(result.error_samples)}")
    if result.reconnects:
        say(f"  {result.reconnects} stale keep-alive connections were reopened in {name}")
    return result


def main() -> int:
    started = time.monotonic()
    # A SIGTERM (a CI timeout, say) unwinds like Ctrl+C, so the `finally` below still stops gunicorn.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    env = server_environment()
    say(
        f"{os.cpu_count()} CPUs; {WORKERS} gunicorn workers x {THREADS} threads; settings {env['DJANGO_SETTINGS_MODULE']}"
    )
    busy = os.getloadavg()[0]
    if busy > 0.5:
        say(f"warning: load average {busy:.1f} before the run; other work on this machine lowers the figures")
    targets = prepare(env)
    say(f"demo data: {json.dumps(targets['counts'])}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    results: list[load.Result] = []
    say(f"starting gunicorn on {base}; its log is {WORK / 'gunicorn.log'}")
    server = start_server(env, port)
    try:
        wait_until_up(server, base)
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
    finally:
        stop_server(server)
    say(f"done in {time.monotonic() - started:.0f} s")
    for result in results:
        print(result.line())
    sys.stdout.flush()
    return 1 if any(result.errors for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
