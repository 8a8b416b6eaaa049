"""How long the site search takes, measured on the database in use (a benchmark, not a test).

The queries are those readers type: single words, misspellings, slang, whole
questions, a commune, words found nowhere. Each is searched ``rounds`` times
after one warm-up round; the figures are the median and the 95th percentile
of every search, in milliseconds.
"""

import statistics
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test import Client

from wagtail.models import Page

from guides.models import ProcedureSheetPage
from search import spelling
from search.engine import search

from .search_queries import QUERIES


@dataclass
class Figures:
    label: str
    count: int
    median_ms: float
    p95_ms: float
    max_ms: float


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures(label, durations):
    return Figures(
        label,
        len(durations),
        statistics.median(durations),
        percentile(durations, 0.95),
        max(durations),
    )


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return (time.perf_counter() - start) * 1000


def run(rounds=10, queries=QUERIES):
    """[Figures] for the search itself and for the whole search page."""
    build_ms = timed(spelling.rebuild_vocabulary)
    for query in queries:  # warm-up: caches, connections, the commune index
        search(query)
    engine = [timed(search, query) for _ in range(rounds) for query in queries]
    host = next((name for name in settings.ALLOWED_HOSTS if name != "*"), "localhost").lstrip(".")
    client = Client(HTTP_HOST=host)
    page = [timed(client.get, "/recherche/", {"q": query}) for _ in range(rounds) for query in queries]
    return build_ms, [figures("recherche", engine), figures("page de résultats", page)]


def describe():
    return (
        f"{connection.vendor}: {ProcedureSheetPage.objects.live().count()} fiches, "
        f"{Page.objects.live().count()} pages publiées en tout"
    )
