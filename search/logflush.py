"""Writing the query log to the database in batches, away from the readers' requests.

Searches append records to a queue in the cache (search/querylog.py). ``flush()`` reads the
records appended since the last flush and writes them in one transaction: counts added to
each (day, digest) row, and the text set on the rows of the queries that may now be shown.
Once a day it also deletes the counts older than 30 days.

It runs every SEARCH_LOG_FLUSH_SECONDS (60) in a background thread of each application
process, when that process exits, and on demand with ``manage.py flush_search_log``. A lock
in the cache keeps two flushes from running at once; with Redis every process shares one
queue, with the local-memory cache each process writes its own.
"""

import atexit
import datetime
import logging
import os
import threading
import time
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from . import querylog
from .models import DailySearchCount, LoggedQuery
from .querylog import BUCKET_SECONDS, KEEP_DAYS, QUEUE_COUNT, QUEUE_ITEM, QUEUE_TIMEOUT

logger = logging.getLogger(__name__)

LOCK = "search:log:flush-lock"
LOCK_TIMEOUT = 5 * 60
FLUSHED_BELOW = "search:log:flushed-below"  # every bucket below this one is written
DONE = "search:log:queue:{}:done"  # bucket → how many of its records are written
PURGED = "search:log:purged:{}"
BATCH = 500


def current_bucket():
    return int(time.time() // BUCKET_SECONDS)


def flush(everything=False, dry_run=False):
    """Write the queued searches to the database; returns how many were (or would be) written.

    Without ``everything``, the buckets of the last two minutes wait for the next flush, so
    that no search still being recorded is missed.
    """
    if not cache.add(LOCK, True, LOCK_TIMEOUT):
        return 0
    try:
        records, progress = pending(everything)
        if dry_run:
            return len(records)
        write(records)
        cache.set_many(progress, QUEUE_TIMEOUT)
        if cache.add(PURGED.format(querylog.today().isoformat()), True, 24 * 60 * 60):
            purge()
        return len(records)
    finally:
        cache.delete(LOCK)


def pending(everything):
    """The records not yet written, and the queue's progress to remember once they are."""
    now = current_bucket()
    complete_below = now - 1
    start = cache.get(FLUSHED_BELOW) or now - QUEUE_TIMEOUT // BUCKET_SECONDS
    stop = now + 1 if everything else complete_below
    buckets = range(start, max(start, stop))
    counts = cache.get_many([QUEUE_COUNT.format(bucket) for bucket in buckets])
    done = cache.get_many([DONE.format(bucket) for bucket in buckets])
    names, progress = [], {FLUSHED_BELOW: max(start, min(stop, complete_below))}
    for bucket in buckets:
        top = counts.get(QUEUE_COUNT.format(bucket), 0)
        first = done.get(DONE.format(bucket), 0) + 1
        names += [QUEUE_ITEM.format(bucket, number) for number in range(first, top + 1)]
        if bucket >= complete_below:
            progress[DONE.format(bucket)] = top
    records = []
    for offset in range(0, len(names), BATCH):
        found = cache.get_many(names[offset : offset + BATCH])
        records += [found[name] for name in names[offset : offset + BATCH] if name in found]
    return records, progress


def write(records):
    """Add the records' counts to the database, in one transaction, without per-row signals."""
    if not records:
        return
    counts = defaultdict(lambda: [0, 0, ""])  # (date, digest) → searches, unanswered, text
    shown = {}  # (date, digest) of earlier days → text of a query now shown
    for date, digest, found, text, earlier in records:
        row = counts[(date, digest)]
        row[0] += 1
        row[1] += 0 if found else 1
        if text:
            row[2] = text
            shown.update(dict.fromkeys(earlier, text))
    with transaction.atomic():
        queries = logged_queries({text for _s, _u, text in counts.values() if text} | set(shown.values()))
        existing = {
            (row.date.isoformat(), row.digest): row
            for row in DailySearchCount.objects.filter(digest__in={digest for _date, digest in counts})
        }
        changed, created = [], []
        for (date, digest), (searches, unanswered, text) in counts.items():
            row = existing.get((date, digest))
            if row is None:
                row = DailySearchCount(date=datetime.date.fromisoformat(date), digest=digest)
                created.append(row)
            else:
                changed.append(row)
            row.searches += searches
            row.unanswered += unanswered
            if text:
                row.query = queries[text]
        DailySearchCount.objects.bulk_update(changed, ["searches", "unanswered", "query"], batch_size=BATCH)
        DailySearchCount.objects.bulk_create(created, batch_size=BATCH)
        for (date, digest), text in shown.items():
            DailySearchCount.objects.filter(date=date, digest=digest, query=None).update(query=queries[text])


def logged_queries(texts):
    """{text: LoggedQuery}, created where missing."""
    LoggedQuery.objects.bulk_create([LoggedQuery(text=text) for text in texts], ignore_conflicts=True)
    return {query.text: query for query in LoggedQuery.objects.filter(text__in=texts)}


def purge():
    """Delete the counts older than the keeping period, then the queries left without a count."""
    limit = querylog.today() - datetime.timedelta(days=KEEP_DAYS)
    DailySearchCount.objects.filter(date__lt=limit).delete()
    LoggedQuery.objects.filter(daily_counts__isnull=True).delete()


_started = {"pid": None}
_start_lock = threading.Lock()


def start_periodic_flush():
    """Start this process's background flush, once (application processes only)."""
    seconds = getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", 0)
    if not seconds or _started["pid"] == os.getpid():
        return
    with _start_lock:
        if _started["pid"] == os.getpid():
            return
        _started["pid"] = os.getpid()
        threading.Thread(target=_flush_every, args=(seconds,), name="search-log-flush", daemon=True).start()
        atexit.register(_flush_safely, everything=True)


def _flush_every(seconds):
    while True:
        time.sleep(seconds)
        _flush_safely()


def _flush_safely(everything=False):
    try:
        flush(everything=everything)
    except Exception:
        logger.exception("The search log could not be written; its records stay in the cache for a day.")
    finally:
        connection.close()
