"""The .ics feeds, kept in the cache until the calendar changes.

Calendar programs fetch the feeds often, and building one (icalendar, time zones) costs
tens of milliseconds. A feed's text is kept under a key that changes whenever what it
shows may have changed:

- the content version of the page cache (``portal/cache.py``): it changes with every
  session, rule, unit or page saved or deleted, and after a rule regenerates its sessions;
- today's date, since the feeds show a window of days around today;
- for a CPIP's private feed, the CPIP's account and the count and last change of their
  bookings (one small query): a booking or a cancellation gives a new key at once, and
  one CPIP's feed is never kept under another CPIP's key. The secret address is checked
  on every request, before the cache is read.
"""

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import timezone

from portal.cache import content_version

from .models import Booking

# A key goes stale with the next change anyway; this only bounds what an unused key keeps.
FEED_CACHE_SECONDS = 24 * 60 * 60


def cached_feed(build, *key_parts):
    """The feed's text from the cache, or ``build()`` kept for the next requests."""
    parts = (content_version(), timezone.localdate().isoformat(), *key_parts)
    key = "agenda-feed:" + ":".join(str(part) for part in parts)
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, FEED_CACHE_SECONDS)
    return body


def bookings_state(user):
    """What changes when one of ``user``'s bookings is made, cancelled or deleted."""
    state = Booking.objects.for_cpip(user).aggregate(count=Count("pk"), last=Max("updated_at"))
    last = state["last"].isoformat() if state["last"] else "-"
    return f"user{user.pk}:{state['count']}:{last}"
