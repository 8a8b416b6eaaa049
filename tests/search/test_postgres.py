"""PostgreSQL: French stemming that ignores accents, and fuzzy matching of typos."""

from importlib import import_module
from types import SimpleNamespace

from django.db import connection

import pytest

from tests.factories import StandardPageFactory

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="runs on PostgreSQL only (set DATABASE_URL to a postgres:// URL)",
)
migration = import_module("search.migrations.0002_postgres_french_search")


def test_the_french_search_migration_does_nothing_on_sqlite():
    executed = []
    schema_editor = SimpleNamespace(connection=SimpleNamespace(vendor="sqlite"), execute=executed.append)
    migration.forwards(None, schema_editor)
    migration.backwards(None, schema_editor)
    assert executed == []


def test_the_french_search_migration_sets_up_postgresql():
    executed = []
    schema_editor = SimpleNamespace(connection=SimpleNamespace(vendor="postgresql"), execute=executed.append)
    migration.forwards(None, schema_editor)
    sql = " ".join(executed)
    assert "CREATE EXTENSION IF NOT EXISTS unaccent" in sql
    assert "CREATE EXTENSION IF NOT EXISTS pg_trgm" in sql
    assert "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)" in sql
    assert "WITH unaccent, french_stem" in sql


def lexemes(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', %s)::text", [text])
        return cursor.fetchone()[0]


@pytest.mark.postgres
@on_postgres
@pytest.mark.django_db
def test_the_french_configuration_ignores_accents_and_stems_words():
    assert lexemes("Sécurité sociale") == lexemes("securite sociales")
    assert lexemes("allocations") == lexemes("allocation")


@pytest.mark.postgres
@on_postgres
@pytest.mark.django_db
def test_a_singular_word_finds_a_page_written_in_the_plural(client, home_page):
    StandardPageFactory(parent=home_page, title="Vos démarches", intro="Les indemnités journalières.")
    page = client.get("/recherche/", {"q": "indemnite journaliere"}).content.decode()
    assert "Vos démarches" in page


@pytest.mark.postgres
@on_postgres
@pytest.mark.django_db
def test_a_typo_is_found_by_trigram_similarity_when_nothing_else_matches(client, home_page):
    StandardPageFactory(parent=home_page, title="Domiciliation", intro="Recevoir son courrier.")
    # exact=1: no spelling correction, so only the fuzzy query can find it.
    page = client.get("/recherche/", {"q": "domicilliation", "exact": "1"}).content.decode()
    assert "Domiciliation" in page.split("<main", 1)[1]
