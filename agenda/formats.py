"""Dates and hours written the French way, for pages, calendars and letters."""

from django.utils.dateformat import format as date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from portal.calendar import describe_recurrence

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


def describe_rule(rule):
    """A recurrence rule in words: "chaque mardi, de 9 h à 12 h"."""
    when = describe_recurrence(rule.weekdays or [], rule.positions or [])
    if rule.start_time and rule.end_time:
        when = f"{when}, {time_range(rule.start_time, rule.end_time)}"
    return when
