"""The query log: what readers look for and what they don't find, never who they are.

The people received are under justice supervision: a name typed in the search box must never
be kept. So a query typed once is never written in clear, anywhere (database, cache, log):

- Searches by signed-in staff are not counted, nor queries that look like personal data
  (e-mail address, phone number, date, long number: ``search.text.looks_personal``).
- Every other search is counted under a keyed hash of its folded words (``digest``):
  HMAC-SHA-256 with a random key drawn for each day. The keys live only in the cache, never
  in the database, a backup or a log, and expire after KEEP_DAYS days. Without the day's
  key a count cannot be traced back to what was typed, and two days' counts of one query
  cannot be linked.
- The text of a query is written only when every word of it is a word of the site (its
  published content, the synonyms, the difficult words, the communes), or once it was
  typed on RELEASE_DAYS different days (k-anonymity): a typo that readers repeat, not a
  name typed on one afternoon. Its counts of the earlier days are then shown with it.

Nothing is written to the database while a reader waits: each search appends one record to
a queue in the cache, and search/logflush.py writes the queue in batches.
"""

import datetime
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone

from . import spelling, synonyms
from .text import STOP_WORDS, looks_personal, words

# Counts are kept, and shown to editors, this many days; the day keys live as long.
KEEP_DAYS = 30
# A query that is not made of the site's own words is shown once typed on this many days.
RELEASE_DAYS = 3

DAY = 24 * 60 * 60
KEY_TIMEOUT = (KEEP_DAYS + 1) * DAY
DAY_KEY = "search:log:key:{}"  # date → that day's random key
SEEN = "search:log:seen:{}:{}"  # (date, digest) → the query was typed that day
# The queue: records are appended to the bucket of the minute they were made in.
BUCKET_SECONDS = 60
QUEUE_TIMEOUT = DAY
QUEUE_COUNT = "search:log:queue:{}"  # bucket → how many records it holds
QUEUE_ITEM = "search:log:queue:{}:{}"  # (bucket, number) → record


@dataclass(frozen=True)
class Sighting:
    """How one search is counted: under which digest, and with which text if it may be shown."""

    date: datetime.date
    digest: str
    text: str = ""  # as shown to editors; empty while the query may not be shown
    earlier: tuple = ()  # (ISO date, digest) of the earlier days it was typed, once it may be shown

    @property
    def may_show(self):
        return bool(self.text)


def today():
    return timezone.localdate()


def shown_text(query):
    """The query as the report shows it: lower case, single spaces."""
    return " ".join(query.lower().split())


def day_keys(days):
    """{date: key} of the ``days`` whose key still exists; the first day's is drawn if missing."""
    names = {day: DAY_KEY.format(day.isoformat()) for day in days}
    found = cache.get_many(names.values())
    keys = {day: found[name] for day, name in names.items() if name in found}
    first = days[0]
    if first not in keys:
        cache.add(names[first], secrets.token_bytes(32), KEY_TIMEOUT)
        keys[first] = cache.get(names[first])
    return keys


def digest(key, folded):
    return hmac.new(key, folded.encode(), hashlib.sha256).hexdigest()


def site_words():
    """Every folded word of the site: its indexed content, communes and synonyms."""
    return spelling.get_vocabulary().known | synonyms.known_words()


def is_site_vocabulary(folded_words, known=None):
    known = site_words() if known is None else known
    return all(word in STOP_WORDS or word in known for word in folded_words)


def sighting(query):
    """How a search for ``query`` is counted; None when it is not counted at all."""
    folded_words = words(query)
    if not folded_words or looks_personal(query):
        return None
    folded = " ".join(folded_words)
    day = today()
    keys = day_keys([day - datetime.timedelta(days=number) for number in range(KEEP_DAYS)])
    digests = {date: digest(key, folded) for date, key in keys.items()}
    if is_site_vocabulary(folded_words):
        return Sighting(day, digests[day], shown_text(query))
    markers = {SEEN.format(date.isoformat(), value): date for date, value in digests.items() if date != day}
    seen = cache.get_many(markers)
    earlier = tuple(sorted((markers[name].isoformat(), digests[markers[name]]) for name in seen))
    if len(earlier) + 1 >= RELEASE_DAYS:
        return Sighting(day, digests[day], shown_text(query), earlier)
    return Sighting(day, digests[day])


def record(sighting, found_anything):
    """Count one search: mark its digest as seen today, and queue it for the database."""
    cache.add(SEEN.format(sighting.date.isoformat(), sighting.digest), True, KEY_TIMEOUT)
    bucket = int(time.time() // BUCKET_SECONDS)
    counter = QUEUE_COUNT.format(bucket)
    cache.add(counter, 0, QUEUE_TIMEOUT)
    try:
        number = cache.incr(counter)
    except ValueError:  # evicted in between: this one search goes uncounted
        return
    item = (sighting.date.isoformat(), sighting.digest, bool(found_anything), sighting.text, sighting.earlier)
    cache.set(QUEUE_ITEM.format(bucket, number), item, QUEUE_TIMEOUT)
