"""SQLite: the FTS5 match runs once and scores every matching entry (see the package's docstring)."""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class SQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def matching_entries(self, config):
        """Index entries that match, with their BM25 score (lower is better); None to fall back."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config))
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
        )

    def ranked(self, config, start, stop, score_field=None):
        """The matching objects from ``start`` to ``stop``, best first, or None to fall back."""
        entries = self.matching_entries(config)
        if entries is None:
            return None
        scores = {}
        for object_id, score in entries.values_list("index_entry__object_id", "score"):
            scores[object_id] = min(score, scores.get(object_id, score))
        matching = self.queryset.filter(pk__in=entries.values("index_entry__object_id"))
        pks = sorted(matching.order_by().values_list("pk", flat=True), key=lambda pk: (scores[str(pk)], -pk))
        pks = pks[start:stop]
        objects = {obj.pk: obj for obj in self.queryset.filter(pk__in=pks)}
        results = [objects[pk] for pk in pks if pk in objects]
        if score_field is not None:
            for obj in results:
                setattr(obj, score_field, scores[str(obj.pk)])
        return results

    def count(self, config):
        entries = self.matching_entries(config)
        if entries is None:
            return None
        return self.queryset.filter(pk__in=entries.values("index_entry__object_id")).count()


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
