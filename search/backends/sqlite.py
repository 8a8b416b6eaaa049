"""SQLite: the FTS5 match runs once per search and scores every matching entry (see the package's docstring).

The FTS5 table holds the entries of every model, so one match serves the pages and each
kind of snippet (``shared.one_search``). It reads only the FTS5 table (row id and BM25);
each row's content type, object id and title weight come from a map of the index kept
until the content changes (search/memo.py), instead of a join that reads thousands of
large index rows. Scores are modelsearch's own expression, computed in Python; ties are
broken newest first, as modelsearch does. Objects are then loaded by primary key from the
caller's queryset, best first, until the slice asked for is full: drafts and private pages
that match are skipped there, without reading the whole queryset.
"""

import functools
import heapq

from django.db import connection
from django.db.models import F, TextField
from django.db.models.functions import Cast

from wagtail.search.models import IndexEntry

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..memo import ContentMemo
from .shared import shared

# Objects are loaded by batches of at least this many entries.
LOAD_BATCH = 100
INDEX_MAP = ContentMemo()  # "rows" → {row id: (content type id, object id, title_norm)}


@functools.cache
def content_types(model):
    """The content type ids of ``model`` and its descendants (they never change while a process runs)."""
    return frozenset(get_descendants_content_types_pks(model))


def index_rows(row_ids):
    """{row id: (content type id, object id, title_norm, tie)}, read again when an entry is not known yet.

    ``tie`` sorts newest first among equal scores, as modelsearch's ``CAST(object_id AS integer) DESC``.
    """
    rows = INDEX_MAP.current()
    if "rows" not in rows or not rows["rows"].keys() >= row_ids:
        entries = IndexEntry.objects.values_list("id", "content_type_id", "object_id", "title_norm")
        rows["rows"] = {
            row_id: (content_type, object_id, norm, -int(object_id) if object_id.isdigit() else 0)
            for row_id, content_type, object_id, norm in entries
        }
    return rows["rows"]


def is_any_word(query):
    """Plain text, or an OR of plain texts: what the site search asks (search/engine.py).

    modelsearch ranks such a query by the row's BM25 (an OR averages the same BM25 over its
    parts), so the row's BM25 is its rank here; other queries are left to modelsearch.
    """
    if isinstance(query, PlainText):
        return True
    return isinstance(query, Or) and all(is_any_word(subquery) for subquery in query.subqueries)


def vector_weights(vectors):
    """Each vector's boost: a number, or None for the entry's title weight ("title_norm"); False if unknown."""
    weights = []
    for _vector, boost in vectors:
        if isinstance(boost, (int, float)):
            weights.append(float(boost))
        elif isinstance(boost, F) and boost.name == "index_entry__title_norm":
            weights.append(None)
        else:
            return False
    return weights


def fetch_all(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Matches:
    """The entries one match found, grouped by content type, each group best first."""

    def __init__(self, rows):
        self.by_type = {}  # content type id → [(score, tie, object id)], best first
        for score, tie, content_type, object_id in rows:
            self.by_type.setdefault(content_type, []).append((score, tie, object_id))

    def of_types(self, wanted):
        """[(object id, score)] of the entries of the ``wanted`` content types, best first."""
        groups = [self.by_type[content_type] for content_type in wanted if content_type in self.by_type]
        merged = groups[0] if len(groups) == 1 else heapq.merge(*groups)
        return [(object_id, score) for score, _tie, object_id in merged]


class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def match(self, config):
        """The FTS5 match expression, or None when this package leaves the query to modelsearch."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        return MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config))

    def matches(self, config):
        """Every matching entry of every model, scored as modelsearch scores them, best first."""
        match = self.match(config)
        weights = vector_weights(self.get_search_vectors())
        if match is None or weights is False or not is_any_word(self.query):
            return None
        found = sqlite.SQLiteFTSIndexEntry.objects.filter(match).annotate(bm25=BM25())
        sql, params = found.values_list("index_entry_id", "bm25").query.sql_with_params()
        return shared(
            (sql, params, tuple(weights)), lambda: Matches(self.scored(fetch_all(sql, params), weights))
        )

    def scored(self, fts_rows, weights):
        """modelsearch's score of each row: its rank times each vector's boost, added up; best first."""
        rows = index_rows({row_id for row_id, _bm25 in fts_rows})
        title_vectors = weights.count(None)
        boost = sum(weight for weight in weights if weight is not None)
        scored = []
        for row_id, rank in fts_rows:
            content_type, object_id, title_norm, tie = rows[row_id]
            scored.append((rank * title_norm * title_vectors + rank * boost, tie, content_type, object_id))
        scored.sort()
        return scored

    def ranked_entries(self, config):
        """[(object_id, score)] of the matching entries of the queryset's model, best first; None to fall back."""
        matches = self.matches(config)
        return None if matches is None else matches.of_types(content_types(self.queryset.model))

    def ranked_objects(self, config, stop, load):
        """[(object, score)] of the best matches in the queryset, up to ``stop``; None to fall back.

        ``load(ids)`` gives {str(pk): object} for the ids that are in the queryset.
        """
        entries = self.ranked_entries(config)
        if entries is None:
            return None
        found = []
        offset, batch = 0, max(LOAD_BATCH, stop or 0)
        while offset < len(entries) and (stop is None or len(found) < stop):
            chunk = entries[offset : offset + batch]
            objects = load([object_id for object_id, _score in chunk])
            found += [(objects[object_id], score) for object_id, score in chunk if object_id in objects]
            offset += batch
        return found[:stop]

    def ranked(self, config, start, stop, score_field=None):
        """The matching objects of the queryset from ``start`` to ``stop``, best first, or None to fall back."""

        def load(ids):
            return {str(obj.pk): obj for obj in self.queryset.filter(pk__in=ids)}

        found = self.ranked_objects(config, stop, load)
        if found is None:
            return None
        if score_field is not None:
            for obj, score in found:
                setattr(obj, score_field, score)
        return [obj for obj, _score in found[start:stop]]

    def ranked_ids(self, config, stop, backend=None):
        """The primary keys of the best matches in the queryset, up to ``stop``, without loading objects."""

        def load(ids):
            return {str(pk): pk for pk in self.queryset.filter(pk__in=ids).values_list("pk", flat=True)}

        found = self.ranked_objects(config, stop, load)
        return None if found is None else [pk for pk, _score in found]

    def count(self, config):
        match = self.match(config)
        if match is None:
            return None
        in_queryset = self.queryset.annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=content_types(self.queryset.model),
                index_entry__object_id__in=in_queryset,
            )
            .count()
        )


class SQLiteAutocompleteQueryCompiler(SQLiteSearchQueryCompiler, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _do_search(self):
        config = self.query_compiler.get_config(self.backend)
        results = self.query_compiler.ranked(config, self.start, self.stop, self._score_field)
        return super()._do_search() if results is None else results

    def _do_count(self):
        config = self.query_compiler.get_config(self.backend)
        count = self.query_compiler.count(config)
        if count is None:
            return super()._do_count()
        if self.stop is not None:
            count = min(count, self.stop)
        return max(count - self.start, 0)


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults
