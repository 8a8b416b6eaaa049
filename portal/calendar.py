"""The calendar words and rules that the apps share: weekdays, "the 2nd Tuesday of the month",
French public holidays.

A France services structure opens on weekdays and closes on public holidays (``directory``); an
itinerant one stops in a village "le 2e mardi du mois" (``directory``); the SPIP units hold their
sessions "le 2e et 4e jeudi du mois", except on public holidays (``agenda``). They all say it with
this module, so that a day has one name and a rule one wording everywhere.

- Weekdays are numbered as Python's ``date.weekday()``: 0 = Monday … 6 = Sunday.
- A position in the month is 1 … 5 (the 1st … 5th such weekday), or -1 for the last one.
- Dates come from python-dateutil's ``rrule`` and holidays from the ``holidays`` package
  (metropolitan France, names in French, e.g. "Fête du Travail"): no date arithmetic here.
"""

from functools import lru_cache

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import holidays
from dateutil import rrule

_RRULE_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)


class Weekday(models.IntegerChoices):
    """A day of the week, as ``date.weekday()`` numbers it."""

    MONDAY = 0, gettext_lazy("lundi")
    TUESDAY = 1, gettext_lazy("mardi")
    WEDNESDAY = 2, gettext_lazy("mercredi")
    THURSDAY = 3, gettext_lazy("jeudi")
    FRIDAY = 4, gettext_lazy("vendredi")
    SATURDAY = 5, gettext_lazy("samedi")
    SUNDAY = 6, gettext_lazy("dimanche")


class MonthPosition(models.IntegerChoices):
    """Which one of a weekday in its month: "le 2e jeudi", "le dernier vendredi"."""

    FIRST = 1, gettext_lazy("1er")
    SECOND = 2, gettext_lazy("2e")
    THIRD = 3, gettext_lazy("3e")
    FOURTH = 4, gettext_lazy("4e")
    FIFTH = 5, gettext_lazy("5e")
    LAST = -1, gettext_lazy("dernier")


# For a form or a table where a day starts a line: "Lundi" … "Dimanche".
WEEKDAY_CHOICES = [(day.value, capfirst(day.label)) for day in Weekday]


def weekday_name(number):
    """0 → "lundi"."""
    return Weekday(number).label


def join_words(words):
    """["mardi", "jeudi", "vendredi"] → "mardi, jeudi et vendredi"."""
    words = [str(word) for word in words]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s et %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def describe_recurrence(weekdays, positions=()):
    """A recurrence in words: "chaque mardi", "les 2e et 4e jeudis du mois", "le dernier vendredi du mois".

    ``positions`` empty means every week.
    """
    days = join_words(weekday_name(day) for day in sorted(weekdays))
    if not positions:
        return _("chaque %(days)s") % {"days": days}
    in_order = sorted(positions, key=lambda position: 99 if position < 0 else position)
    labels = join_words(MonthPosition(position).label for position in in_order)
    if len(in_order) == 1:
        return _("le %(positions)s %(days)s du mois") % {"positions": labels, "days": days}
    # Several weeks: "les 1er et 3e mercredis du mois" (every weekday name takes an s).
    days = join_words(f"{weekday_name(day)}s" for day in sorted(weekdays))
    return _("les %(positions)s %(days)s du mois") % {"positions": labels, "days": days}


def recurring_dates(weekdays, positions=(), start=None, until=None):
    """The dates of a recurrence from ``start`` (included) to ``until`` (included, or never), in order.

    ``recurring_dates([1], [2], date(2025, 3, 1))`` gives the 2nd Tuesday of every month from
    March 2025: 11 March, 8 April… Without ``until`` it never ends: take what you need with
    ``islice``.
    """
    if positions:
        byweekday = [_RRULE_DAYS[day](position) for day in weekdays for position in positions]
        frequency = rrule.MONTHLY
    else:
        byweekday = [_RRULE_DAYS[day] for day in weekdays]
        frequency = rrule.WEEKLY
    dates = rrule.rrule(frequency, byweekday=byweekday, dtstart=start, until=until, cache=False)
    return (moment.date() for moment in dates)


@lru_cache(maxsize=256)
def _holidays_of(year):
    return dict(holidays.France(years=year, language="fr"))


def public_holiday(day):
    """The French name of the public holiday on ``day`` ("Fête du Travail"), or None."""
    return _holidays_of(day.year).get(day)


def public_holidays(first, last):
    """{date: French name} of the public holidays from ``first`` to ``last``, both included, in order."""
    found = {}
    for year in range(first.year, last.year + 1):
        found.update((day, name) for day, name in sorted(_holidays_of(year).items()) if first <= day <= last)
    return found
