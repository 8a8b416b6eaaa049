"""Dates and hours written the French way, for pages, calendars and letters."""

from django.utils.dateformat import format as date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

NBSP = "\u00a0"  # "9 h 30" never splits across two lines


def hour(value):
    """9:00 → "9 h", 9:30 → "9 h 30", with no-break spaces."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


def time_range(start, end):
    return _("de %(start)s à %(end)s") % {"start": hour(start), "end": hour(end)}


def long_date(value, with_year=True):
    """2026-12-01 → "mardi 1er décembre 2026"."""
    with override("fr"):
        weekday = date_format(value, "l")
        month = date_format(value, "F")
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{weekday} {day} {month}"
    return f"{text} {value.year}" if with_year else text


def month_name(year, month):
    """(2026, 12) → "Décembre 2026"."""
    from datetime import date

    with override("fr"):
        return capfirst(f"{date_format(date(year, month, 1), 'F')} {year}")


def _join(words):
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s et %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def describe_rule(rule):
    """A recurrence rule in words: "chaque mardi, de 9 h à 12 h"."""
    from .models import MonthPosition, Weekday

    days = _join(str(Weekday(day).label) for day in sorted(rule.weekdays or []))
    positions = sorted(rule.positions or [], key=lambda p: 99 if p < 0 else p)
    if positions:
        when = _("le %(positions)s %(days)s du mois") % {
            "positions": _join(str(MonthPosition(p).label) for p in positions),
            "days": days,
        }
    else:
        when = _("chaque %(days)s") % {"days": days}
    if rule.start_time and rule.end_time:
        when = f"{when}, {time_range(rule.start_time, rule.end_time)}"
    return when
