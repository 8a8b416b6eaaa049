"""Editors' synonyms, applied to queries whatever the search backend.

A search for "pole emploie" also looks for "France Travail": the query is
expanded with the meaning of every synonym whose expression it contains. The
comparison is made on folded words (no accents, no capitals) and forgives one
typo in expressions of five letters or more.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from rapidfuzz.distance import OSA

from .models import Synonym
from .text import meaningful_words

CACHE_KEY = "search:synonyms"


@dataclass(frozen=True)
class SynonymRule:
    expressions: tuple  # each a tuple of folded meaningful words
    meaning: str  # as the editor wrote it: "France Travail"
    meaning_words: tuple  # folded meaningful words of the meaning


@dataclass(frozen=True)
class SynonymMatch:
    rule: SynonymRule
    start: int  # position of the first matched word in the query's words
    length: int  # number of query words matched


def allowed_typos(text):
    """How many typos a word or expression of this length may carry and still be recognised."""
    if len(text) < 5:
        return 0
    if len(text) < 10:
        return 1
    return 2


def compile_rule(synonym):
    expressions = tuple(
        words for words in (tuple(meaningful_words(e)) for e in synonym.expression_list()) if words
    )
    return SynonymRule(expressions, synonym.meaning, tuple(meaningful_words(synonym.meaning)))


def rules():
    """The synonyms, compiled once and kept in the cache until an editor changes one."""
    compiled = cache.get(CACHE_KEY)
    if compiled is None:
        compiled = [compile_rule(synonym) for synonym in Synonym.objects.all()]
        cache.set(CACHE_KEY, compiled, None)
    return compiled


def forget_rules():
    """Called when a synonym changes (see search/signals.py).

    Forgotten at once, and again once the change is committed, in case a
    search read the old synonyms in between.
    """
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def expression_matches(expression, window):
    """True when the query words ``window`` say the ``expression``, give or take a typo."""
    if tuple(window) == expression:
        return True
    typed, wanted = " ".join(window), " ".join(expression)
    limit = allowed_typos(wanted)
    return limit > 0 and OSA.distance(typed, wanted, score_cutoff=limit) <= limit


def find_matches(query_words, synonym_rules=None):
    """The synonyms said in ``query_words`` (folded meaningful words), longest expressions first."""
    matches = []
    for rule in rules() if synonym_rules is None else synonym_rules:
        for expression in sorted(rule.expressions, key=len, reverse=True):
            size = len(expression)
            found = next(
                (
                    start
                    for start in range(len(query_words) - size + 1)
                    if expression_matches(expression, query_words[start : start + size])
                ),
                None,
            )
            if found is not None:
                matches.append(SynonymMatch(rule, found, size))
                break
    return matches


def known_words(synonym_rules=None):
    """Every folded word of the synonyms' expressions: words the spelling check must not correct."""
    return {
        word
        for rule in (rules() if synonym_rules is None else synonym_rules)
        for expression in rule.expressions
        for word in expression
    }
