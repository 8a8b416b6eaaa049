"""The probe of issue 11: a name typed in the search box is found nowhere afterwards.

Names are searched once, five times on one day, and once by a CPIP with the header search;
the query log is written to the database; then the database (SQLite's file, or
``pg_dump``), a backup made by ``scripts/backup.sh``, the cache, the sessions and the
server log (every logger at DEBUG) are searched for them. A query made of the site's own
words is searched too, and must be found in the database: the probe can see the log.
"""

import gzip
import logging
import os
import pickle
import subprocess
import tarfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection

import pytest

from search import logflush

BASE_DIR = Path(settings.BASE_DIR)
ONCE = "Zébulonnette Quistrebert"
FIVE_TIMES = "Anatolie Vasseuronde"
BY_A_CPIP = "Hildebert Pouliquenne"
SITE_WORDS = "carte vitale"


def forms(name):
    """How a name may be written down: as typed, folded, URL-encoded, word by word, lower case."""
    lower = name.lower()
    folded = lower.replace("é", "e")
    found = {lower, folded, quote(lower).lower(), quote(lower, safe="").lower()}
    for text in (lower, folded):
        found.update(text.split())
    return {form.encode() for form in found}


def sqlite_file(tmp_path):
    """The test database as its file would be on disk (free pages included)."""
    path = tmp_path / "db.sqlite3"
    path.write_bytes(connection.connection.serialize())
    return path


def postgres_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def database_bytes(tmp_path):
    if connection.vendor == "sqlite":
        return sqlite_file(tmp_path).read_bytes()
    return subprocess.run(["pg_dump", "--dbname", postgres_url()], capture_output=True, check=True).stdout


def backup_bytes(tmp_path):
    """Every byte of a backup made by scripts/backup.sh, uncompressed."""
    url = f"sqlite:///{sqlite_file(tmp_path)}" if connection.vendor == "sqlite" else postgres_url()
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "note.txt").write_text("Un document.")
    backup = tmp_path / "backup"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "PYTHON": str(BASE_DIR / ".venv/bin/python"),
    }
    subprocess.run(
        ["bash", "scripts/backup.sh", str(backup)], cwd=BASE_DIR, env=env, capture_output=True, check=True
    )
    found = b""
    for path in backup.iterdir():
        if path.name.endswith(".pgdump"):
            found += subprocess.run(
                ["pg_restore", "-f", "-", str(path)], capture_output=True, check=True
            ).stdout
        elif path.name.endswith(".tar.gz"):
            with tarfile.open(path) as archive:
                for member in archive.getmembers():
                    if member.isfile():
                        found += archive.extractfile(member).read()
            found += gzip.decompress(path.read_bytes())
        else:
            found += path.read_bytes()
    return found


def cache_bytes():
    """Every key and value of the (local-memory) cache, values unpickled and pickled."""
    found = b""
    for key, value in cache._cache.items():
        found += key.encode() + value + repr(pickle.loads(value)).encode()  # noqa: S301 (our own cache)
    return found


def session_bytes():
    return repr([session.get_decoded() for session in Session.objects.all()]).encode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_name_searched_once_or_five_times_is_found_nowhere(client, pages, cpip, caplog, tmp_path):
    caplog.set_level(logging.DEBUG)
    client.get("/search/", {"q": ONCE})
    for _ in range(5):
        client.get("/recherche/", {"q": FIVE_TIMES})
    client.get("/recherche/", {"q": SITE_WORDS})
    client.force_login(cpip)
    client.get("/search/", {"q": BY_A_CPIP})
    logflush.flush(everything=True)
    logflush.purge()

    database = database_bytes(tmp_path).lower()
    assert SITE_WORDS.encode() in database  # the probe sees what the log writes in clear
    places = {
        "database": database,
        "backup": backup_bytes(tmp_path).lower(),
        "cache": cache_bytes().lower(),
        "sessions": session_bytes().lower(),
        "server log": "\n".join(
            [caplog.text] + [f"{record.getMessage()} {record.__dict__}" for record in caplog.records]
        )
        .encode()
        .lower(),
    }
    found = {
        (place, form.decode())
        for name in (ONCE, FIVE_TIMES, BY_A_CPIP)
        for form in forms(name)
        for place, haystack in places.items()
        if form in haystack
    }
    assert found == set()
