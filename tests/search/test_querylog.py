"""The query log without personal data, and the editors' report of what readers search."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

import pytest

from search.models import UnansweredQueryDailyHits
from search.querylog import log_search, purge, report

pytestmark = pytest.mark.django_db


def logged_queries():
    return set(Query.objects.values_list("query_string", flat=True))


def test_a_search_is_counted_in_wagtails_query_log(client, pages):
    client.get("/recherche/", {"q": "Carte Vitale"})
    client.get("/recherche/", {"q": "carte vitale"})
    assert Query.get("carte vitale").hits == 2


def test_a_search_without_result_is_counted_as_unanswered(client, pages):
    client.get("/recherche/", {"q": "xylophone"})
    client.get("/recherche/", {"q": "carte"})
    unanswered = UnansweredQueryDailyHits.objects.get()
    assert (unanswered.query.query_string, unanswered.hits) == ("xylophone", 1)


@pytest.mark.parametrize(
    "query", ["jean.dupont@example.org", "06 12 34 56 78", "1 85 05 78 006 084 36", "né le 12/03/1985"]
)
def test_queries_that_look_like_personal_data_are_not_logged(client, pages, query):
    client.get("/recherche/", {"q": query})
    assert logged_queries() == set()


def test_the_next_pages_of_results_are_not_counted_again(client, home_page):
    client.get("/recherche/", {"q": "page", "page": "2"})
    assert logged_queries() == set()


def test_suggestions_while_typing_are_not_logged(client, pages):
    client.get("/recherche/", {"q": "carte vi", "format": "json"})
    assert logged_queries() == set()


def test_counts_older_than_thirty_days_are_deleted(db):
    old = timezone.localdate() - datetime.timedelta(days=31)
    log_search("carte grise", found_anything=False)
    QueryDailyHits.objects.update(date=old)
    UnansweredQueryDailyHits.objects.update(date=old)
    log_search("carte vitale", found_anything=True)
    purge()
    assert logged_queries() == {"carte vitale"}
    assert not UnansweredQueryDailyHits.objects.exists()


def test_the_report_counts_searches_and_unanswered_searches_of_the_last_thirty_days(db):
    for _ in range(3):
        log_search("apl", found_anything=True)
    log_search("xylophone", found_anything=False)
    log_search("xylophone", found_anything=False)
    old = Query.get("vieille recherche")
    old.add_hit(date=timezone.localdate() - datetime.timedelta(days=30))
    rows = [(q.query_string, q.searches, q.unanswered) for q in report()]
    assert rows == [("apl", 3, 0), ("xylophone", 2, 2)]


def report_url():
    return reverse("search_report")


def test_editors_see_the_queries_typed_by_readers(client, pages, editor):
    for query in ("carte vitale", "carte vitale", "xylophone"):
        client.get("/recherche/", {"q": query})
    client.force_login(editor)
    page = client.get(report_url()).content.decode()
    assert "Recherches des lecteurs" in page
    assert page.index("carte vitale") < page.index("xylophone")


def test_editors_can_list_only_the_queries_without_result(client, pages, editor):
    for query in ("carte vitale", "xylophone"):
        client.get("/recherche/", {"q": query})
    client.force_login(editor)
    page = client.get(report_url(), {"unanswered": "true"}).content.decode()
    assert "xylophone" in page
    assert "carte vitale" not in page


def test_the_report_can_be_downloaded_as_a_spreadsheet(client, pages, editor):
    client.get("/recherche/", {"q": "xylophone"})
    client.force_login(editor)
    response = client.get(report_url(), {"export": "csv"})
    content = (
        b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    )
    assert "xylophone,1,1" in content


@pytest.mark.parametrize("user", ["cpip", "falc_reviewer", "other_user"])
def test_only_editors_see_the_report(client, request, user):
    client.force_login(request.getfixturevalue(user))
    response = client.get(report_url())
    assert response.status_code in (302, 403)
    assert "xylophone" not in response.content.decode()


def test_the_report_is_in_the_editors_reports_menu(client, editor):
    client.force_login(editor)
    assert report_url() in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_is_not_in_the_menu_of_other_admin_users(client, falc_reviewer):
    client.force_login(falc_reviewer)
    assert report_url() not in client.get(reverse("wagtailadmin_home")).content.decode()
