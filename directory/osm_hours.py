"""Opening hours in OpenStreetMap's ``opening_hours`` syntax, as the national directories write them.

"Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off; 2026 Dec 24-2027 Jan 02 off \"congés\""
says a structure's weekly hours, that it closes on public holidays, and its coming closures. DORA,
Soliguide and data·inclusion exchange hours this way; opening-hours-py (a maintained parser, in
Rust) validates such a string and evaluates it.

The structure's rows stay the one source of truth: its weekly hours (``OpeningHours``), its
closures (``Closure``) and "ouverte les jours fériés". ``format_opening_hours`` writes them as one
string; ``evaluator`` reads that string back for "open now" and the next opening (public holidays
of France from the library's calendar, checked against the ``holidays`` package by the tests);
``read_opening_hours`` turns a string typed by an editor or found in a file into rows again, or
says in French why it cannot.

What the rows cannot hold is refused, not guessed: hours that change with the season or the week
of the month, more than two ranges a day, a range through midnight.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from opening_hours import OpeningHours, ParserError, State

from portal.calendar import public_holiday, weekday_name
from portal.formats import hours_range, long_date

PARIS = ZoneInfo("Europe/Paris")
COUNTRY = "FR"
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
OSM_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# How far a typed string is read to find its weekly pattern, holidays and closures: a year.
READ_WEEKS = 53
# A structure's row holds a morning and an afternoon range.
MAX_RANGES_PER_DAY = 2
MAX_LENGTH = 1000


class InvalidOpeningHours(ValueError):
    """The string is not OpenStreetMap opening hours, or says what a structure's rows cannot hold."""


@dataclass(frozen=True)
class ClosedDays:
    """Days the string closes although the week would be open: a closure, both dates included."""

    start: datetime.date
    end: datetime.date
    reason: str = ""


@dataclass
class ReadHours:
    """What a string says, as a structure's rows: {weekday: [(opens, closes)]}, holidays, closures."""

    weekly: dict = field(default_factory=dict)
    open_on_public_holidays: bool = False
    closures: list = field(default_factory=list)


def _time(value):
    return f"{value:%H:%M}"


def _date(day):
    return f"{day.year} {OSM_MONTHS[day.month - 1]} {day.day:02d}"


def weekly_rule(weekly):
    """{0: [(9:00, 12:00), (14:00, 17:00)], …} → "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"."""
    rules = [
        f"{OSM_DAYS[day]} " + ",".join(f"{_time(start)}-{_time(end)}" for start, end in sorted(ranges))
        for day, ranges in sorted(weekly.items())
        if ranges
    ]
    if not rules:
        return ""
    # The library joins the days that share their hours ("Mo-Fr", "Mo,We,Fr").
    return str(OpeningHours("; ".join(rules)).normalize())


def closure_rule(closure):
    """A closure as a rule: '2026 Dec 24-2027 Jan 02 off "congés"'."""
    dates = (
        _date(closure.start)
        if closure.start == closure.end
        else f"{_date(closure.start)}-{_date(closure.end)}"
    )
    reason = " ".join(closure.reason.replace('"', "").split())
    return f'{dates} off "{reason}"' if reason else f"{dates} off"


def format_opening_hours(weekly, closures=(), open_on_public_holidays=False, since=None):
    """The rows as one string; "" when the structure has no weekly hours (they are not known).

    ``closures`` are objects with ``start``, ``end`` and ``reason``; those ended before ``since``
    are left out. Later rules win in this syntax: the week, then public holidays, then closures.
    """
    week = weekly_rule(weekly)
    if not week:
        return ""
    rules = [week]
    if not open_on_public_holidays:
        rules.append("PH off")
    rules += [
        closure_rule(c) for c in sorted(closures, key=lambda c: c.start) if since is None or c.end >= since
    ]
    return "; ".join(rules)


def evaluator(text):
    """The library's reading of ``text``, in Paris time, with the public holidays of France."""
    return OpeningHours(text, timezone=PARIS, country=COUNTRY)


def parse(text):
    """``evaluator(text)``, or ``InvalidOpeningHours`` with a message for the editor."""
    text = " ".join((text or "").replace("\x00", "").split())
    if not text:
        raise InvalidOpeningHours(
            _("Écrivez des horaires, par exemple : Mo-Fr 09:00-12:00,14:00-17:00; PH off.")
        )
    if len(text) > MAX_LENGTH:
        raise InvalidOpeningHours(
            _("Ces horaires sont trop longs (%(max)s caractères au plus).") % {"max": MAX_LENGTH}
        )
    try:
        return evaluator(text)
    except ParserError:
        raise InvalidOpeningHours(
            _(
                "Ces horaires ne sont pas écrits au format OpenStreetMap. Exemple : "
                "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off."
            )
        ) from None


def _day_ranges(hours, first_day, days):
    """{date: [(opens, closes)]}: the open ranges of each day."""
    start = datetime.datetime.combine(first_day, datetime.time(), tzinfo=PARIS)
    end = datetime.datetime.combine(first_day + datetime.timedelta(days=days), datetime.time(), tzinfo=PARIS)
    ranges = {first_day + datetime.timedelta(days=n): [] for n in range(days)}
    for opens, closes, state, _comment in hours.intervals(start, end):
        if state == State.UNKNOWN:
            raise InvalidOpeningHours(_("Des horaires « inconnus » ne peuvent pas être enregistrés."))
        if state == State.CLOSED:
            continue
        opens, closes = opens.astimezone(PARIS), closes.astimezone(PARIS)
        if opens.date() != closes.date():
            raise InvalidOpeningHours(
                _("Une plage qui finit à minuit ou après (le %(date)s) ne peut pas être enregistrée.")
                % {"date": long_date(opens.date())}
            )
        ranges[opens.date()].append((opens.time(), closes.time()))
    return ranges


def read_opening_hours(text, today):
    """What ``text`` says as rows, read over the year from ``today``'s week; ``InvalidOpeningHours`` otherwise."""
    hours = parse(text)
    first_day = today - datetime.timedelta(days=today.weekday())
    days = _day_ranges(hours, first_day, READ_WEEKS * 7)
    by_weekday = {weekday: Counter() for weekday in range(7)}
    for day, ranges in days.items():
        if not public_holiday(day):
            by_weekday[day.weekday()][tuple(ranges)] += 1
    # Each weekday's usual hours: the most frequent, open ones first when as frequent.
    weekly = {}
    for weekday, counts in by_weekday.items():
        usual = max(counts.items(), key=lambda item: (item[1], bool(item[0])))[0]
        if len(usual) > MAX_RANGES_PER_DAY:
            raise InvalidOpeningHours(
                _("Le %(day)s a %(count)s plages horaires : deux au plus (matin et après-midi).")
                % {"day": weekday_name(weekday), "count": len(usual)}
            )
        if usual:
            weekly[weekday] = list(usual)
    holidays_open, closed_days = [], []
    for day, ranges in days.items():
        usual = weekly.get(day.weekday(), [])
        if ranges == usual:
            if public_holiday(day) and usual:
                holidays_open.append(True)
            continue
        if not ranges and public_holiday(day):
            holidays_open.append(False)
        elif not ranges:
            closed_days.append(day)
        else:
            raise InvalidOpeningHours(
                _(
                    "Ces horaires changent selon la période (le %(date)s : %(hours)s). La fiche garde "
                    "des horaires qui reviennent chaque semaine ; écrivez les fermetures à part."
                )
                % {"date": long_date(day), "hours": ", ".join(hours_range(*r) for r in ranges)}
            )
    return ReadHours(
        weekly, bool(holidays_open) and all(holidays_open), _closures(hours, closed_days, weekly)
    )


def _closures(hours, closed_days, weekly):
    """Consecutive closed days as closures; days the structure never opens do not break a closure."""
    closures = []
    for day in closed_days:
        if closures:
            previous = closures[-1]
            gap = (previous.end + datetime.timedelta(days=n) for n in range(1, (day - previous.end).days))
            if all(not weekly.get(d.weekday()) or public_holiday(d) for d in gap):
                closures[-1] = ClosedDays(previous.start, day, previous.reason)
                continue
        # The rule's comment is the closure's reason ("congés d'été").
        _state, reason = hours.state(datetime.datetime.combine(day, datetime.time(12), tzinfo=PARIS))
        closures.append(ClosedDays(day, day, reason))
    return closures
