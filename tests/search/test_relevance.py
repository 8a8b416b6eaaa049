"""The relevance set: queries written the way readers write, on the demo content.

Each line of queries.csv is a query and the sheet a reader needs. The hit
rate (the sheet among the first 3 results) is shown in pytest's summary and
must reach 90 %, on SQLite and on PostgreSQL (CI runs the suite on both).
"""

import csv
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.urls import reverse

import pytest

from search import logflush, querylog
from search.engine import search
from search.text import words

from .conftest import RELEVANCE_REPORTS

pytestmark = pytest.mark.django_db

QUERIES = Path(__file__).with_name("queries.csv")
TOP = 3
REQUIRED_HIT_RATE = 0.9


def relevance_set():
    with QUERIES.open(encoding="utf-8", newline="") as file:
        return [(row["query"], row["expected"]) for row in csv.DictReader(file)]


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=StringIO())


def test_the_relevance_set_is_large_and_covers_every_demo_sheet(demo):
    from guides.models import ProcedureSheetPage

    rows = relevance_set()
    assert len(rows) >= 50
    assert {expected for _query, expected in rows} == set(
        ProcedureSheetPage.objects.live().values_list("slug", flat=True)
    )


def test_readers_find_the_sheet_they_need_in_the_first_three_results(demo, record_property):
    rows = relevance_set()
    misses = []
    for query, expected in rows:
        first = [getattr(hit.object, "slug", None) for hit in search(query).hits[:TOP]]
        if expected not in first:
            misses.append(f"{query!r} → {first}")
    rate = 1 - len(misses) / len(rows)
    summary = (
        f"Pertinence ({connection.vendor}) : {len(rows) - len(misses)}/{len(rows)} requêtes "
        f"trouvent leur fiche dans les {TOP} premiers résultats ({rate:.0%})."
    )
    RELEVANCE_REPORTS.append(summary)
    RELEVANCE_REPORTS.extend(f"  manquée : {miss}" for miss in misses)
    record_property("hit_rate", f"{rate:.3f}")
    assert rate >= REQUIRED_HIT_RATE, summary


def test_the_editors_report_shows_the_queries_typed_in_the_sites_words_only(client, demo, editor):
    """Typed once, a query is shown when every word of it is a word of the site, never otherwise.

    Queries that differ only by accents and capitals ("sécu", "secu") are counted as one."""
    rows = relevance_set()
    for query, _expected in rows:
        client.get("/recherche/", {"q": query})
    logflush.flush(everything=True)
    client.force_login(editor)
    response = client.get(reverse("search_report"), {"export": "csv"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reported = {
        " ".join(words(line["Recherche"])): int(line["Nombre de recherches"])
        for line in csv.DictReader(StringIO(content.decode()))
    }
    typed = {}
    for query, _expected in rows:
        if querylog.is_site_vocabulary(words(query)):
            key = " ".join(words(query))
            typed[key] = typed.get(key, 0) + 1
    assert reported == typed
    assert reported["secu"] == 2
    assert "carte vitale" in reported
    assert "prime activiter" not in reported  # a typo typed once
