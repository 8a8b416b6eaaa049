"""Benchmark of the site search on SQLite and on PostgreSQL: `python bench/search_bench.py`.

For each database, with production settings: migrate, load the demo content,
generate the volume (BENCH_SHEETS sheets, 5,000 by default, and 2,000 other pages, once), collect the
static files, then `manage.py bench_search` prints the
median and 95th percentile of the search time. SQLite uses var/bench-search.sqlite3;
PostgreSQL uses BENCH_POSTGRES_URL (e.g. postgres://portal:portal@127.0.0.1:5432/portal_bench),
skipped when it is not set. Figures depend on the machine: run it on an idle one.
A benchmark, not a test: it fails nothing.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SQLITE_URL = f"sqlite:///{BASE_DIR / 'var' / 'bench-search.sqlite3'}"
# 5,000 sheets by default; BENCH_SHEETS=20000 for the larger volume (a second run adds what is missing).
SHEETS = os.environ.get("BENCH_SHEETS", "5000")


def manage(database_url, *args):
    # Production settings (DEBUG off: no query log slowing Django down), without HTTPS redirects.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(BASE_DIR / "var" / "bench-static"),
        # Every search computed: neither pages nor hits come from the results cache.
        "PAGE_CACHE_ENABLED": "false",
    }
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)  # noqa: S603


def bench(label, database_url):
    print(f"==== {label}", flush=True)
    manage(database_url, "migrate", "--noinput", "-v", "0")
    manage(database_url, "load_demo")
    manage(database_url, "generate_volume", "--sheets", SHEETS, "--pages", "2000")
    manage(database_url, "collectstatic", "--noinput", "-v", "0")
    manage(database_url, "bench_search")


def main():
    (BASE_DIR / "var").mkdir(exist_ok=True)
    bench("SQLite", SQLITE_URL)
    postgres_url = os.environ.get("BENCH_POSTGRES_URL")
    if postgres_url:
        bench("PostgreSQL", postgres_url)
    else:
        print("==== PostgreSQL : BENCH_POSTGRES_URL n'est pas défini, mesure sautée.")


if __name__ == "__main__":
    main()
