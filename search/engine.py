"""The site search: understand the query, ask the search backend, gather what to show.

1. Clean the query: printable, at most 200 characters, words of letters and
   digits only (no operator or quote reaches the backend).
2. Understand it: drop stop words and question words, find the editors'
   synonyms it says, correct words the content does not use.
3. Search every kind of content for any of the words (a whole question still
   finds the sheet that answers it) and of the synonyms' meanings; put first
   the results whose title and summary say them; where the backend can
   (PostgreSQL, Elasticsearch), forgive typos with fuzzy matching.
4. Put the France services nearest to a commune or postcode the query names
   on top, then editors' promoted results, then the results grouped by kind.
"""

from dataclasses import dataclass, field

from django.db import connection

from wagtail.search.backends import get_search_backend

from elasticsearch import ApiError, TransportError
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.query import Fuzzy, Or, PlainText

from . import results_cache, spelling, synonyms
from .backends import ranked_ids
from .backends.shared import one_search
from .kinds import SOURCES, Links, PageRef, page_hits, promotions, published_pages, sort_hits
from .places import find_place
from .text import WORD_RE, clean_query, fold, is_meaningful, words

# With fewer results than this, a clear spelling correction is searched at once
# (the reader sees "Résultats pour « … »"); with more, it is only suggested.
FEW_HITS = 3
# At most this many results are shown (the most relevant), over 5 pages of 20.
MAX_HITS = 100


@dataclass
class Plan:
    """What a query asks for, once understood."""

    words: list  # folded meaningful words
    meanings: list  # synonyms' meanings, each a list of folded words
    corrections: dict  # folded word → spelling.Correction

    @property
    def is_empty(self):
        return not self.words and not self.meanings

    @property
    def clear_corrections(self):
        return bool(self.corrections) and all(c.clear for c in self.corrections.values())

    def key(self):
        """The plan in one line: what its hits depend on."""
        return " ".join(self.words) + "|" + "|".join(" ".join(meaning) for meaning in self.meanings)

    def corrected(self):
        """The plan with every word replaced by its best correction."""
        fixed = [
            self.corrections[word].best.word if word in self.corrections else word for word in self.words
        ]
        return Plan(fixed, self.meanings, {})


@dataclass
class Outcome:
    """What the search page shows for one query."""

    query: str = ""  # the query kept, as typed
    was_cut: bool = False  # the query was too long and was cut
    searched: str = ""  # the corrected query whose results are shown, if any
    suggestions: list = field(default_factory=list)  # "Vouliez-vous dire … ?"
    promotions: list = field(default_factory=list)  # editors' promoted results
    hits: list = field(default_factory=list)  # kinds.Hit, grouped by kind
    place: object = None  # places.Place: the commune or postcode named, and the nearest France services
    no_words: bool = False  # nothing to search for: only signs or stop words
    unavailable: bool = False  # the search backend did not answer (Elasticsearch down)

    @property
    def found_anything(self):
        return bool(self.hits or self.promotions or (self.place and self.place.nearby))


def understand(query, vocabulary, synonym_rules=None, keep=frozenset()):
    query_words = [word for word in words(query) if is_meaningful(word)]
    matches = synonyms.find_matches(query_words, synonym_rules)
    meanings = []
    for match in matches:
        if list(match.rule.meaning_words) not in meanings:
            meanings.append(list(match.rule.meaning_words))
    # Words of the synonyms' expressions are known; a word that only looks like one is corrected.
    keep = set(keep) | synonyms.known_words(synonym_rules)
    corrections = spelling.correct(query_words, vocabulary, keep=keep)
    return Plan(list(dict.fromkeys(query_words)), meanings, corrections)


def rewrite(query, replacements, vocabulary):
    """``query`` with each word in ``replacements`` (folded → folded) replaced by its usual spelling."""

    def replace(match):
        word = fold(match.group())
        return vocabulary.form(replacements[word]) if word in replacements else match.group()

    return WORD_RE.sub(replace, query)


def backend_query(plan, backend):
    """The search query for the backend: any of the query's words or of the synonyms' meanings.

    Entries holding more of them score higher, and sort_hits puts first those whose
    title and summary say them.
    """
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        # Elasticsearch forgives typos itself (fuzziness "AUTO").
        parts = [Fuzzy(" ".join(plan.words))] if plan.words else []
    else:
        parts = [PlainText(" ".join(plan.words), operator="or")] if plan.words else []
    parts += [PlainText(" ".join(meaning), operator="or") for meaning in plan.meanings]
    return parts[0] if len(parts) == 1 else Or(parts)


def supports_fuzzy_fallback(backend):
    """PostgreSQL's database backend can match words by trigram similarity."""
    if connection.vendor != "postgresql":
        return False
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def find(plan, backend, request=None):
    """The hits for ``plan``, grouped by kind; by trigram similarity when nothing else matches.

    Kept a while in the results cache, under a keyed hash of the plan (search/results_cache.py).
    """
    if plan.is_empty:
        return []

    def compute():
        hits = find_all(backend_query(plan, backend), backend, request)
        if not hits and plan.words and supports_fuzzy_fallback(backend):
            hits = find_all(Fuzzy(" ".join(plan.words), unaccent=True), backend, request)
        return sort_hits(hits, plan.words + [word for meaning in plan.meanings for word in meaning])

    return results_cache.remembered_hits(plan.key(), compute)


def find_all(query, backend, request):
    """Pages (the MAX_HITS most relevant) and every kind of snippet, for one backend query."""
    hits = page_hits(ranked_ids(backend, query, published_pages(), MAX_HITS), request)
    links = Links()
    for source in SOURCES:
        found = backend.search(query, source.published())[: source.limit]
        hits += [source.hit(obj, request, links) for obj in found]
    return hits


def promotions_for(*queries):
    """Editors' promoted results for any of ``queries``, compared without accents or capitals."""
    wanted = {" ".join(words(query)) for query in queries if query}
    found = []
    for promoted_query, promotion in promotions():
        if promoted_query not in wanted:
            continue
        if promotion.page is not None and not promotion.page.live:
            continue
        if promotion not in found:
            found.append(promotion)
    return found


def search(raw_query, correct=True, request=None):
    """Everything the search page shows for ``raw_query``."""
    query, was_cut = clean_query(raw_query)
    outcome = Outcome(query=query, was_cut=was_cut)
    if not query:
        return outcome
    outcome.place = find_place(query, request)
    vocabulary = spelling.get_vocabulary()
    place_words = words(outcome.place.label) if outcome.place else ()
    plan = understand(query, vocabulary, keep=place_words)
    if plan.is_empty:
        outcome.no_words = True
        outcome.promotions = promotions_for(query)
        return outcome
    try:
        with one_search():
            run(outcome, query, plan, vocabulary, correct, request)
    except (ApiError, TransportError):
        outcome.unavailable = True
        outcome.hits = []
    return outcome


def run(outcome, query, plan, vocabulary, correct, request):
    backend = get_search_backend()
    outcome.hits = find(plan, backend, request)
    if correct and plan.clear_corrections and len(outcome.hits) < FEW_HITS:
        corrected = find(plan.corrected(), backend, request)
        if corrected:
            replacements = {word: c.best.word for word, c in plan.corrections.items()}
            outcome.searched = rewrite(query, replacements, vocabulary)
            outcome.hits = corrected
    if plan.corrections and not outcome.searched:
        outcome.suggestions = suggestions(query, plan, vocabulary)

    outcome.promotions = promotions_for(query, outcome.searched)
    promoted_pages = {promotion.page_id for promotion in outcome.promotions if promotion.page_id}
    outcome.hits = [
        hit
        for hit in outcome.hits
        if not (isinstance(hit.object, PageRef) and hit.object.pk in promoted_pages)
    ]


MAX_SUGGESTIONS = 3


def suggestions(query, plan, vocabulary):
    """Up to three corrected queries: the best one, then other choices for the least certain word."""
    best = {word: c.best.word for word, c in plan.corrections.items()}
    proposals = [rewrite(query, best, vocabulary)]
    doubtful = next((c for c in plan.corrections.values() if not c.clear), None)
    if doubtful is not None:
        for candidate in doubtful.choices[1:]:
            proposals.append(rewrite(query, {**best, doubtful.word: candidate.word}, vocabulary))
    unique = list(dict.fromkeys(p for p in proposals if fold(p) != fold(query)))
    return unique[:MAX_SUGGESTIONS]
