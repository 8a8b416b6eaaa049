"""Wagtail's database search backend, made fast on thousands of pages.

The matching, the scores and the order of results (best first, then newest)
are django-modelsearch's own; only the way the database is asked changes.

- SQLite: modelsearch 1.3 ranks results with one correlated subquery per
  candidate row, each running the FTS5 match again, so a common word over
  thousands of pages takes seconds. Here the FTS5 match runs once and gives
  every matching entry its BM25 score.
- PostgreSQL: modelsearch matches ``title || body`` (the two text-search
  vectors joined), which no index can serve, so every entry is read. Here the
  entries are first narrowed to those whose title or body holds one of the
  words (the GIN indexes modelsearch creates serve this), then matched as
  modelsearch does.
- Other databases: the library's backend unchanged.
"""

from django.db import connection

from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    """The database backend for the database in use, with the faster queries of this package."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return backend


def ranked_ids(backend, query, queryset, limit):
    """The primary keys of the ``limit`` best matches of ``query`` in ``queryset``, best first.

    This package's compilers (SQLite, PostgreSQL) give them without loading the objects;
    other backends (Elasticsearch) load them.
    """
    results = backend.search(query, queryset)
    compiler = results.query_compiler
    if hasattr(compiler, "ranked_ids"):
        ids = compiler.ranked_ids(compiler.get_config(backend), limit, backend)
        if ids is not None:
            return ids
    return [obj.pk for obj in results[:limit]]
