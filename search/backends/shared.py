"""One search, several querysets: the matches a database backend found, shared between them.

The site search asks the backend the same query for the pages and for each kind of snippet
(search/engine.py). Inside ``one_search()``, a backend that finds every matching index entry
at once (SQLite's FTS5 table holds all models) keeps them here, so that the full-text match
runs once per search instead of once per kind. Outside it, nothing is kept.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_matches = ContextVar("search_shared_matches", default=None)


@contextmanager
def one_search():
    token = _matches.set({})
    try:
        yield
    finally:
        _matches.reset(token)


def shared(key, compute):
    """``compute()``, or what it gave for ``key`` earlier in the same search."""
    memo = _matches.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
