"""The query log: counts without clear text, and the editors' report of what readers search."""

import datetime
import importlib
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from search import logflush, querylog
from search.models import DailySearchCount, LoggedQuery
from search.reports import hidden_totals, report

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    assert client.get("/recherche/", {"q": query, **params}).status_code == 200


def on_day(monkeypatch, days_ago):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    monkeypatch.setattr(querylog, "today", lambda: day)


def rows():
    logflush.flush(everything=True)
    return [(query.text, query.searches, query.unanswered) for query in report()]


def test_a_query_made_of_the_sites_words_is_shown_with_its_count(client, pages):
    search(client, "Carte Vitale")
    search(client, "carte  vitale")
    assert rows() == [("carte vitale", 2, 0)]


def test_a_query_typed_on_one_day_is_never_shown(client, pages):
    for _ in range(5):
        search(client, "Zébulonnette Quistrebert")
    assert rows() == []
    assert hidden_totals() == {"searches": 5, "unanswered": 5}


def test_a_typo_readers_repeat_on_three_days_is_shown_with_every_count(client, pages, monkeypatch):
    for days_ago, times in ((4, 2), (2, 1), (0, 1)):
        on_day(monkeypatch, days_ago)
        for _ in range(times):
            search(client, "xylofone")
    assert rows() == [("xylofone", 4, 4)]
    assert hidden_totals() == {"searches": 0, "unanswered": 0}


def test_a_query_typed_on_two_days_is_not_shown(client, pages, monkeypatch):
    for days_ago in (1, 0):
        on_day(monkeypatch, days_ago)
        search(client, "xylofone")
    assert rows() == []


def test_two_days_counts_of_one_query_cannot_be_linked(client, pages, monkeypatch):
    for days_ago in (1, 0):
        on_day(monkeypatch, days_ago)
        search(client, "xylofone")
    logflush.flush(everything=True)
    assert DailySearchCount.objects.values("digest").distinct().count() == 2


def test_a_search_that_found_nothing_is_counted_as_unanswered(client, pages, monkeypatch):
    for days_ago in (2, 1, 0):
        on_day(monkeypatch, days_ago)
        search(client, "xylofone")
        search(client, "carte vitale")
    assert rows() == [("carte vitale", 3, 0), ("xylofone", 3, 3)]


@pytest.mark.parametrize(
    "query", ["jean.dupont@example.org", "06 12 34 56 78", "1 85 05 78 006 084 36", "né le 12/03/1985"]
)
def test_queries_that_look_like_personal_data_are_not_counted(client, pages, query):
    search(client, query)
    logflush.flush(everything=True)
    assert not DailySearchCount.objects.exists()


@pytest.mark.parametrize("user", ["cpip", "editor"])
def test_searches_by_signed_in_staff_are_not_counted(client, pages, request, user):
    client.force_login(request.getfixturevalue(user))
    search(client, "carte vitale")
    logflush.flush(everything=True)
    assert not DailySearchCount.objects.exists()


def test_the_next_pages_of_results_are_not_counted_again(client, home_page):
    search(client, "page", page="2")
    logflush.flush(everything=True)
    assert not DailySearchCount.objects.exists()


def test_suggestions_while_typing_are_not_counted(client, pages):
    client.get("/recherche/", {"q": "carte vi", "format": "json"})
    logflush.flush(everything=True)
    assert not DailySearchCount.objects.exists()


def test_a_search_writes_nothing_to_the_database(client, pages):
    search(client, "carte vitale")  # builds the vocabulary, draws the day's key
    with CaptureQueriesContext(connection) as queries:
        search(client, "carte grise")
        search(client, "Zébulonnette Quistrebert")
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().split(" ", 1)[0] in ("INSERT", "UPDATE", "DELETE")
    ]
    assert writes == []


def test_counts_wait_in_the_cache_until_they_are_written(client, pages):
    search(client, "carte vitale")
    assert not DailySearchCount.objects.exists()
    logflush.flush(everything=True)
    assert DailySearchCount.objects.get().searches == 1


def test_a_regular_flush_leaves_the_last_minutes_for_the_next_one(client, pages):
    search(client, "carte vitale")
    assert logflush.flush() == 0
    assert logflush.flush(everything=True) == 1


def test_searches_are_written_once(client, pages):
    search(client, "carte vitale")
    logflush.flush(everything=True)
    search(client, "carte vitale")
    logflush.flush(everything=True)
    logflush.flush(everything=True)
    assert rows() == [("carte vitale", 2, 0)]


def test_wagtails_own_query_log_receives_nothing(client, pages):
    search(client, "carte vitale")
    search(client, "Zébulonnette Quistrebert")
    logflush.flush(everything=True)
    assert not Query.objects.exists()


def test_the_command_writes_the_counts_and_says_how_many(client, pages):
    search(client, "carte vitale")
    out = StringIO()
    call_command("flush_search_log", stdout=out)
    assert "1 recherche(s) écrites" in out.getvalue()
    assert DailySearchCount.objects.get().searches == 1


def test_the_commands_dry_run_writes_nothing(client, pages):
    search(client, "carte vitale")
    out = StringIO()
    call_command("flush_search_log", "--dry-run", stdout=out)
    assert "1 recherche(s) seraient écrites" in out.getvalue()
    assert not DailySearchCount.objects.exists()


def test_counts_older_than_thirty_days_are_deleted(client, pages, monkeypatch):
    on_day(monkeypatch, 31)
    search(client, "carte grise")
    logflush.flush(everything=True)
    on_day(monkeypatch, 0)
    search(client, "carte vitale")
    logflush.flush(everything=True)
    logflush.purge()
    assert set(LoggedQuery.objects.values_list("text", flat=True)) == {"carte vitale"}
    assert DailySearchCount.objects.count() == 1


def test_the_report_counts_the_last_thirty_days(client, pages, monkeypatch):
    on_day(monkeypatch, 30)
    search(client, "carte grise")
    on_day(monkeypatch, 29)
    search(client, "carte vitale")
    assert rows() == [("carte vitale", 1, 0)]


def test_the_migration_forgets_what_wagtails_query_log_kept_in_clear(pages):
    Query.get("quistrebert").add_hit()
    SearchPromotion.objects.create(query=Query.get("carte"), page=pages["grise"], sort_order=0)
    migration = importlib.import_module("search.migrations.0004_private_query_log")
    migration.forget_clear_text_log(apps, None)
    assert list(Query.objects.values_list("query_string", flat=True)) == ["carte"]
    assert not QueryDailyHits.objects.exists()


def report_url():
    return reverse("search_report")


def test_editors_see_the_queries_typed_by_readers(client, pages, editor):
    for query in ("carte vitale", "carte vitale", "carte grise"):
        search(client, query)
    logflush.flush(everything=True)
    client.force_login(editor)
    page = client.get(report_url()).content.decode()
    assert "Recherches des lecteurs" in page
    assert page.index("carte vitale") < page.index("carte grise")


def test_the_report_says_how_it_protects_people(client, pages, editor):
    search(client, "Zébulonnette Quistrebert")
    logflush.flush(everything=True)
    client.force_login(editor)
    page = client.get(report_url()).content.decode()
    assert "n'est jamais écrite en clair" in page
    assert "au moins 3 jours différents" in page
    assert "1 recherche non montrée ici, dont 1 sans résultat" in page


def test_editors_can_list_only_the_queries_without_result(client, pages, editor, monkeypatch):
    for days_ago in (2, 1, 0):
        on_day(monkeypatch, days_ago)
        search(client, "xylofone")
    search(client, "carte vitale")
    logflush.flush(everything=True)
    client.force_login(editor)
    page = client.get(report_url(), {"unanswered": "true"}).content.decode()
    assert "xylofone" in page
    assert "carte vitale" not in page


def test_the_report_can_be_downloaded_as_a_spreadsheet(client, pages, editor):
    search(client, "carte vitale")
    logflush.flush(everything=True)
    client.force_login(editor)
    response = client.get(report_url(), {"export": "csv"})
    content = (
        b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    )
    assert "carte vitale,1,0" in content


@pytest.mark.parametrize(
    ("user", "sent_to"),
    [
        ("cpip", "wagtailadmin_login"),
        ("other_user", "wagtailadmin_login"),
        ("falc_reviewer", "wagtailadmin_home"),
    ],
)
def test_only_editors_see_the_report(client, request, user, sent_to):
    """Staff without the admin are sent to the admin's sign-in, other admin users to its home."""
    client.force_login(request.getfixturevalue(user))
    response = client.get(report_url())
    assert response.status_code == 302
    assert response.url.split("?", 1)[0] == reverse(sent_to)


def test_the_report_is_in_the_editors_reports_menu(client, editor):
    client.force_login(editor)
    assert report_url() in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_is_not_in_the_menu_of_other_admin_users(client, falc_reviewer):
    client.force_login(falc_reviewer)
    assert report_url() not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_wagtails_empty_search_terms_report_is_not_in_the_menu(client, admin_user):
    client.force_login(admin_user)
    assert (
        reverse("wagtailsearchpromotions:search_terms")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )
