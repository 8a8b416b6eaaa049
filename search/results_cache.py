"""Search results kept for anonymous readers, as the page cache keeps pages (portal/cache.py).

A repeated search is answered from the cache. An entry is keyed by the query (cleaned:
spaces, control characters and Unicode form; its capitals are kept, since the page shows
the query back), the page of results asked for and the "exact" choice, and by the page
cache's content version: publishing, unpublishing or changing anything a page shows makes
every entry stale at once. Entries live PAGE_CACHE_TIMEOUT seconds, since the nearest
France services say whether they are open now.

Only queries that the query log may show in clear are kept (search/querylog.py): a name
typed once is never written to the cache. Each entry says whether its search is counted
(first page of results) and whether it found anything, so that a search answered from the
cache is counted as the first one was.

Below the pages, the hits of every query (what the search backend found, ranked: titles,
addresses and summaries of published content, nothing typed) are kept HITS_TIMEOUT seconds
under a keyed hash of the query's words, with the query log's key of the day: a repeated
misspelling skips the search backend too, and the cache holds no word of it.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from portal.cache import content_version

from . import querylog

KEY = "search:results:{}:{}"
HITS_KEY = "search:hits:{}:{}"
HITS_TIMEOUT = 10 * 60


@dataclass(frozen=True)
class Entry:
    body: bytes
    content_type: str
    counted: bool  # the search is counted in the query log (first page of results)
    found_anything: bool

    def response(self):
        return HttpResponse(self.body, content_type=self.content_type)


def is_enabled():
    return settings.PAGE_CACHE_ENABLED


def key(query, page, exact):
    wanted = "\n".join([query, page or "", "1" if exact else ""])
    return KEY.format(content_version(), hashlib.sha256(wanted.encode()).hexdigest())


def get(name):
    return cache.get(name)


def store(name, request, response, counted, found_anything):
    """Keep the response if it is the same for every anonymous reader."""
    if response.status_code != 200 or response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return
    entry = Entry(response.content, response["Content-Type"], counted, found_anything)
    cache.set(name, entry, settings.PAGE_CACHE_TIMEOUT)


def remembered_hits(plan_key, compute):
    """``compute()`` (a plan's hits), or what it gave a while ago for the same plan."""
    if not is_enabled():
        return compute()
    today = querylog.today()
    day_key = querylog.day_keys([today])[today]
    name = HITS_KEY.format(content_version(), querylog.digest(day_key, plan_key))
    hits = cache.get(name)
    if hits is None:
        hits = compute()
        cache.set(name, hits, HITS_TIMEOUT)
    return hits
