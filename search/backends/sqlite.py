"""SQLite: the FTS5 match runs once and scores every matching entry (see the package's docstring)."""

from django.db.models import IntegerField, TextField
from django.db.models.functions import Cast

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

    def ranked_entries(self, config):
        """Matching entries of objects in the queryset, best first (ties: newest first); None to fall back."""
        entries = self.matching_entries(config)
        if entries is None:
            return None
        pk_type = IntegerField() if isinstance(self.queryset.model._meta.pk, IntegerField) else TextField()
        in_queryset = self.queryset.annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
        return entries.filter(index_entry__object_id__in=in_queryset).order_by(
            "score", Cast("index_entry__object_id", pk_type).desc()
        )

    def ranked(self, config, start, stop, score_field=None):
        """The matching objects from ``start`` to ``stop``, best first, or None to fall back."""
        entries = self.ranked_entries(config)
        if entries is None:
            return None
        scores = dict(entries.values_list("index_entry__object_id", "score")[start:stop])
        objects = {str(obj.pk): obj for obj in self.queryset.filter(pk__in=list(scores))}
        results = [objects[object_id] for object_id in scores if object_id in objects]
        if score_field is not None:
            for obj in results:
                setattr(obj, score_field, scores[str(obj.pk)])
        return results

    def count(self, config):
        entries = self.ranked_entries(config)
        return None if entries is None else entries.count()


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
