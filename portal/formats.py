"""Hours, dates and file sizes written one way, the French way, on every page, PDF, letter and calendar file.

- An hour: "9 h", "9 h 30" — never "9:30" nor "9 h 00". No-break spaces keep it on one line.
- Hours in a sentence: "de 9 h à 12 h"; in a table of opening hours: "9 h – 12 h", "9 h – 12 h et 14 h – 17 h".
- A date: "vendredi 1er janvier 2027" (French writes "1er" for the first of the month), or without
  the year ("vendredi 1er janvier") or without the weekday ("1er janvier 2027").
- A month: "Janvier 2027".
- A file's size: "42 Ko" (kilo-octets of 1,000 bytes, at least 1), as French sites print it next to a download.

Templates use the same functions through ``{% load portal_tags %}``: ``|hour``, ``{% time_range a b %}``,
``|long_date``, ``|long_date:"weekday day month"``, ``|file_size``.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

NBSP = "\u00a0"


def hour(value):
    """9:00 → "9 h", 9:30 → "9 h 30", with no-break spaces."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def time_range(start, end):
    """In a sentence: "de 9 h à 12 h"."""
    return _("de %(start)s à %(end)s") % {"start": hour(start), "end": hour(end)}


def hours_range(start, end):
    """In a table or a list of opening hours: "9 h – 12 h"."""
    return f"{hour(start)} – {hour(end)}"


def hours_ranges(ranges):
    """[(9:00, 12:00), (14:00, 17:00)] → "9 h – 12 h et 14 h – 17 h"."""
    return _(" et ").join(hours_range(start, end) for start, end in ranges)


def long_date(value, *, year=True, weekday=True):
    """2027-01-01 → "vendredi 1er janvier 2027"; without the year or the weekday when the context gives them.

    An aware datetime counts in the portal's time zone (Europe/Paris).
    """
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    day = _("1er") if value.day == 1 else str(value.day)
    parts = [day, date_format(value, "F")]
    if weekday:
        parts.insert(0, date_format(value, "l"))
    if year:
        parts.append(str(value.year))
    return " ".join(parts)


def month_name(year, month):
    """(2026, 12) → "Décembre 2026"."""
    return capfirst(f"{date_format(datetime.date(year, month, 1), 'F')} {year}")


def file_size(size):
    """42100 → "42 Ko", 1500000 → "1,5 Mo"; a tiny file is "1 Ko", never "0 Ko"."""
    if size < 999_500:
        return f"{max(1, round(size / 1000))}{NBSP}{_('Ko')}"
    megabytes = f"{size / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")
    return f"{megabytes}{NBSP}{_('Mo')}"
