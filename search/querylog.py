"""The query log, without personal data: what readers look for, and what they don't find.

Wagtail's query log (``wagtail.contrib.search_promotions``) counts each query
per day; ``UnansweredQueryDailyHits`` counts the searches that found nothing.
Only the query and a count are kept: no address, no session, no user.

Queries that look like personal data are never logged: e-mail addresses,
phone numbers, dates and long numbers (social security, CAF or prison
numbers), see ``search.text.looks_personal``. Names cannot be told from other
words, so counts are kept 30 days (``WAGTAILSEARCH_HITS_MAX_AGE``) and older
ones are deleted once a day, by the first search of the day.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import UnansweredQueryDailyHits
from .text import looks_personal

REPORT_DAYS = 30


def keep_days():
    return getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", REPORT_DAYS)


def log_search(query, found_anything):
    """Count one search for ``query``; returns False when the query was not logged."""
    if not query.strip() or looks_personal(query):
        return False
    purge_once_a_day()
    logged = Query.get(query)
    logged.add_hit()
    if not found_anything:
        today = timezone.localdate()
        hits, _created = UnansweredQueryDailyHits.objects.get_or_create(query=logged, date=today)
        UnansweredQueryDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + 1)
    return True


def purge_once_a_day():
    if cache.add(f"search:log-purged:{timezone.localdate().isoformat()}", True, 24 * 60 * 60):
        purge()


def purge():
    """Delete counts older than the keeping period, then the queries left without count or promotion."""
    limit = timezone.localdate() - datetime.timedelta(days=keep_days())
    QueryDailyHits.objects.filter(date__lt=limit).delete()
    UnansweredQueryDailyHits.objects.filter(date__lt=limit).delete()
    Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()


def report(days=REPORT_DAYS):
    """Queries of the last ``days`` days with ``searches`` and ``unanswered`` counts, most frequent first."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    unanswered = (
        UnansweredQueryDailyHits.objects.since(since)
        .filter(query=OuterRef("pk"))
        .values("query")
        .annotate(total=Sum("hits"))
        .values("total")
    )
    return (
        Query.objects.filter(daily_hits__date__gte=since)
        .annotate(
            searches=Sum("daily_hits__hits", filter=Q(daily_hits__date__gte=since)),
            unanswered=Coalesce(Subquery(unanswered), 0),
        )
        .order_by("-searches", "query_string")
    )
