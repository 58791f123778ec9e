"""A small HTTP load generator: fixed duration, fixed concurrency, persistent HTTP/1.1 connections.

    python bench/load.py http://127.0.0.1:8000/sv/ --name home --seconds 10 --concurrency 8

Several processes (each with a few threads, each thread holding one keep-alive connection) send GET
requests back to back for a warm-up, then for the measured seconds. Every request's latency is
recorded; a status outside 2xx/3xx or an exception is an error. Redirects are not followed.
"""

import argparse
import http.client
import math
import multiprocessing
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

HEADERS = {"User-Agent": "medvind-bench/1", "Accept": "text/html,*/*", "Connection": "keep-alive"}
# A reused keep-alive connection that the server has already closed fails like this before any
# response: try once more on a fresh connection, as browsers do. A failure on a fresh one is an error.
STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


@dataclass
class Result:
    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    reconnects: int = 0

    def merge(self, other: "Result") -> None:
        self.latencies += other.latencies
        self.errors += other.errors
        self.error_samples = (self.error_samples + other.error_samples)[:5]
        self.reconnects += other.reconnects

    @property
    def rps(self) -> float:
        return (len(self.latencies) + self.errors) / self.seconds

    def percentile_ms(self, q: float) -> float:
        """Nearest-rank percentile of the successful requests' latencies, in milliseconds."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)] * 1000

    def line(self) -> str:
        return (
            f"BENCH {self.name} rps={self.rps:.1f} p50_ms={self.percentile_ms(50):.1f} "
            f"p95_ms={self.percentile_ms(95):.1f} p99_ms={self.percentile_ms(99):.1f} errors={self.errors}"
        )


def _client(host: str, port: int, path: str, measure_from: float, stop_at: float, result: Result) -> None:
    connection: http.client.HTTPConnection | None = None
    reused = False
    while True:
        started = time.monotonic()
        if started >= stop_at:
            break
        measured = started >= measure_from
        if connection is None:
            connection, reused = http.client.HTTPConnection(host, port, timeout=30), False
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            response.read()
            elapsed = time.monotonic() - started
            if response.will_close:
                connection.close()
                connection = None
        except STALE_CONNECTION as error:
            connection.close()
            connection = None
            if reused:
                result.reconnects += 1
                continue
            failure = repr(error)
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = None
            failure = repr(error)
        else:
            reused = True
            if 200 <= response.status < 400:
                if measured:
                    result.latencies.append(elapsed)
                continue
            failure = f"HTTP {response.status}"
        if measured:
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(failure)
    if connection is not None:
        connection.close()


def _process(
    url: str, threads: int, warmup: float, seconds: float, ready, outbox
) -> None:  # pragma: no cover - runs in a child process
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    results = [Result("", seconds) for _ in range(threads)]
    ready.wait()
    measure_from = time.monotonic() + warmup
    stop_at = measure_from + seconds
    workers = [
        threading.Thread(
            target=_client, args=(parts.hostname, parts.port or 80, path, measure_from, stop_at, r)
        )
        for r in results
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    total = Result("", seconds)
    for r in results:
        total.merge(r)
    outbox.put(total)


def run(
    url: str,
    *,
    name: str,
    seconds: float = 10.0,
    warmup: float = 1.0,
    concurrency: int = 8,
    processes: int = 2,
) -> Result:
    """Load `url` with `concurrency` connections spread over `processes` processes."""
    processes = max(1, min(processes, concurrency))
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(processes + 1)
    outbox = context.Queue()
    shares = [concurrency // processes + (1 if i < concurrency % processes else 0) for i in range(processes)]
    children = [
        context.Process(target=_process, args=(url, share, warmup, seconds, ready, outbox), daemon=True)
        for share in shares
    ]
    for child in children:
        child.start()
    ready.wait(timeout=60)
    total = Result(name, seconds)
    for _ in children:
        total.merge(outbox.get(timeout=warmup + seconds + 120))
    for child in children:
        child.join(timeout=10)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--name", default="page")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    result = run(
        args.url,
        name=args.name,
        seconds=args.seconds,
        warmup=args.warmup,
        concurrency=args.concurrency,
        processes=args.processes,
    )
    print(result.line())
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
