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

import os
import sys

import run

DATABASE = run.WORK / "surveys.sqlite3"
POSTGRES_URL = (
    os.environ.get("BENCH_SURVEY_DATABASE_URL", "").strip()
    or "postgres://postgres@127.0.0.1:5432/medvind_bench_surveys"
)

if __name__ == "__main__":
    sys.exit(run.data_bench("bench/surveys_data.py", DATABASE, POSTGRES_URL))
