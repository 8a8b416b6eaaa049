"""The backup and restore scripts, exercised for real on a scratch database."""

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def _env(tmp_path, database_url):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PYTHON=sys.executable,
    )
    return env


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def _page_titles(env):
    out = _manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from wagtail.models import Page; print(sorted(Page.objects.values_list('title', flat=True)))",
    )
    return out.stdout.strip()


@pytest.mark.slow
def test_restore_brings_back_the_pages_and_media_of_a_backup(tmp_path):
    env = _env(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}")
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "load_demo")
    (tmp_path / "media" / "images").mkdir(parents=True)
    (tmp_path / "media" / "images" / "logo.svg").write_text("<svg/>")
    before = _page_titles(env)
    assert "Mentions légales" in before

    subprocess.run(
        ["bash", "scripts/backup.sh", str(tmp_path / "backup")],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    (tmp_path / "site.sqlite3").unlink()
    (tmp_path / "media" / "images" / "logo.svg").unlink()

    subprocess.run(
        ["bash", "scripts/restore.sh", str(tmp_path / "backup")],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    assert _page_titles(env) == before
    assert (tmp_path / "media" / "images" / "logo.svg").read_text() == "<svg/>"


@pytest.fixture
def scratch_postgres_url():
    """A fresh PostgreSQL database beside the one the suite runs on (needs CREATEDB)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "DATABASE_URL is not PostgreSQL: the pg_dump/pg_restore path runs in the PostgreSQL step of CI"
        )
    import psycopg

    base, _, name = url.rpartition("/")
    scratch = f"{name}_backup_test"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        connection.execute(f'CREATE DATABASE "{scratch}"')
    yield f"{base}/{scratch}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


@pytest.mark.slow
@pytest.mark.postgres
def test_postgresql_restore_brings_back_the_pages(tmp_path, scratch_postgres_url):
    env = _env(tmp_path, scratch_postgres_url)
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "load_demo")
    before = _page_titles(env)

    subprocess.run(
        ["bash", "scripts/backup.sh", str(tmp_path / "backup")],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    _manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from wagtail.models import Page; Page.objects.filter(depth__gt=2).delete()",
    )
    assert _page_titles(env) != before

    subprocess.run(
        ["bash", "scripts/restore.sh", str(tmp_path / "backup")],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
    )
    assert _page_titles(env) == before


def _backup_modes(env, dest):
    subprocess.run(
        ["bash", "scripts/backup.sh", str(dest)], cwd=BASE_DIR, env=env, check=True, capture_output=True
    )
    return {path.name: stat.S_IMODE(path.stat().st_mode) for path in [dest, *dest.iterdir()]}


def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    sqlite3.connect(tmp_path / "site.sqlite3").close()
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.png").write_bytes(b"png")
    dest = tmp_path / "backup"
    dest.mkdir(mode=0o755)
    modes = _backup_modes(_env(tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}"), dest)
    assert modes == {"backup": 0o700, "database.sqlite3": 0o600, "media.tar.gz": 0o600}


@pytest.mark.postgres
def test_a_postgresql_backup_is_readable_by_its_owner_only(tmp_path, scratch_postgres_url):
    modes = _backup_modes(_env(tmp_path, scratch_postgres_url), tmp_path / "backup")
    assert modes == {"backup": 0o700, "database.pgdump": 0o600}
