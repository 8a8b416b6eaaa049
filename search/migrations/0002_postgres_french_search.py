"""On PostgreSQL, make the search read French and forgive typos. Nothing to do on SQLite.

- ``unaccent`` and the ``french_unaccent`` text-search configuration: French
  stemming ("allocations" finds "allocation") that ignores accents ("secu"
  finds "sécu"). search/config.py names it in WAGTAILSEARCH_BACKENDS.
- ``pg_trgm``, ``f_unaccent()`` and a trigram index of titles: the search
  backend's trigram ``Fuzzy`` queries, accent-blind, for words typed with
  mistakes (what modelsearch's ``enable_unaccent`` and ``enable_trigram``
  commands set up, for titles).

Both extensions are "trusted": the database owner may create them.
"""

from django.db import migrations

FORWARD_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
      END IF;
    END $$
    """,
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem",
    # An immutable wrapper, so that expressions and indexes may use it.
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    # A trigram index of the accent-free titles, so that fuzzy queries need not
    # read every entry (search/backends/postgres.py). modelsearch's name for it.
    "CREATE INDEX IF NOT EXISTS modelsearch_title_text_unaccent_trgm "
    "ON wagtailsearch_indexentry USING gin (f_unaccent(title_text) gin_trgm_ops)",
]

BACKWARD_SQL = [
    # Every index on f_unaccent(), this migration's and those modelsearch's enable_trigram may have made.
    "DROP INDEX IF EXISTS modelsearch_title_text_unaccent_trgm",
    "DROP INDEX IF EXISTS modelsearch_body_text_unaccent_trgm",
    "DROP FUNCTION IF EXISTS f_unaccent(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD_SQL:
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD_SQL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_synonyms_and_unanswered_queries"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
