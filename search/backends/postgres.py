"""PostgreSQL: entries are narrowed with the GIN indexes before matching (see the package's docstring)."""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.db.models import F, Q, TextField, Value

from modelsearch.backends.database.postgres import postgres
from modelsearch.query import And, Boost, Fuzzy, Or, Phrase, PlainText


def any_word(query):
    """A query matching every entry that holds any word of ``query``; None when there is no such query."""
    if isinstance(query, (PlainText, Phrase)):
        return PlainText(query.query_string, operator="or")
    if isinstance(query, Boost):
        return any_word(query.subquery)
    if isinstance(query, (And, Or)):
        parts = [any_word(subquery) for subquery in query.subqueries]
        return None if None in parts else Or(parts)
    return None  # MatchAll, Not, Fuzzy


def is_any_word(query):
    """True for queries that match any one of their words: plain text OR-ed, and ORs of those."""
    if isinstance(query, PlainText):
        return query.operator == "or"
    if isinstance(query, Or):
        return all(is_any_word(subquery) for subquery in query.subqueries)
    return False


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def narrowed(self, config):
        """The queryset cut down to entries the indexes say may match; None when they cannot tell."""
        if self.fields is not None:
            return None
        if isinstance(self.query, Fuzzy) and self.query.unaccent:
            # Candidates: entries whose title holds a word like the query, by pg_trgm's "%>"
            # operator (word similarity at least pg_trgm.word_similarity_threshold, 0.6 by
            # default), which the trigram index of search/migrations/0002 serves. Comparing
            # the query with every body would read them all; the spelling corrections
            # (search/spelling.py) already cover the words of the bodies.
            typed = postgres.FUnaccent(Value(self.query.query_string, output_field=TextField()))
            return self.queryset.alias(
                _title_unaccent=postgres.FUnaccent(F("index_entries__title_text"))
            ).filter(TrigramWordSimilar(F("_title_unaccent"), typed))
        loose = any_word(self.query)
        if loose is None:
            return None
        words = self.build_tsquery(loose, config=config)
        if words is None:
            return self.queryset.none()
        return self.queryset.filter(Q(index_entries__title=words) | Q(index_entries__body=words))

    def search(self, config, start, stop, score_field=None, backend=None):
        narrowed = self.narrowed(config)
        if narrowed is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        if self.fields is None and is_any_word(self.query):
            # "title @@ q OR body @@ q" is then exactly modelsearch's "(title || body) @@ q":
            # rank the narrowed entries as modelsearch does, without joining the vectors again.
            vectors = self.get_search_vectors(None)
            rank = self._build_rank_expression(vectors, config)
            return self._apply_ordering_and_scoring(narrowed, rank, start, stop, score_field)
        queryset = self.queryset
        self.queryset = narrowed
        try:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        finally:
            self.queryset = queryset

    def ranked_ids(self, config, stop, backend=None):
        """The primary keys of the best matches, up to ``stop``, without loading the objects."""
        return list(self.search(config, 0, stop, backend=backend).values_list("pk", flat=True))


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
