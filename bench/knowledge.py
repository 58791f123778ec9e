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

import os
import sys

import run

DATABASE = run.WORK / "knowledge.sqlite3"
POSTGRES_URL = (
    os.environ.get("BENCH_KNOWLEDGE_DATABASE_URL", "").strip()
    or "postgres://postgres@127.0.0.1:5432/medvind_bench_knowledge"
)
TARGET_MS = 300  # p95 of every page

if __name__ == "__main__":
    sys.exit(run.data_bench("bench/knowledge_data.py", DATABASE, POSTGRES_URL, target_ms=TARGET_MS))
