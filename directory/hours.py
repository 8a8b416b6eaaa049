"""When a France services structure is open, and when an itinerant stop takes place.

Pure logic, no database: the models turn their rows into a ``Schedule`` (weekly hours, exceptional
closures, public holidays) or a ``Recurrence`` (a stop's "2nd Tuesday of the month"), and this
module answers the citizen's questions in Europe/Paris time:

- is it open now, and until when? ("Ouvert maintenant jusqu'à 12 h")
- if not, when does it open next? ("Ouvre mardi à 9 h")
- on which dates is the next stop of the bus?

A schedule is written once as OpenStreetMap opening hours (``osm_hours``: "Mo-Fr 09:00-12:00;
PH off; 2026 Dec 24-2027 Jan 02 off"), and opening-hours-py evaluates that string for "open now"
and the next opening: the sentences, the table of the week and the exports all come from the same
rows. Times are wall-clock times in Paris; ``zoneinfo`` turns them into real instants, so the nights
the clocks change need no special case. Weekdays, "the 2nd Tuesday of the month" and the names of
public holidays come from ``portal.calendar``.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from opening_hours import State

from portal.calendar import (
    describe_recurrence,
    public_holiday,
    public_holidays,
    recurring_dates,
    weekday_name,
)
from portal.formats import hour, hours_range, long_date

from . import osm_hours

PARIS = ZoneInfo("Europe/Paris")

# How far ahead to look for the next opening: long enough for a summer closure.
HORIZON_DAYS = 120


def merge_ranges(ranges):
    """Sort time ranges and join those that touch or overlap (12:30–17:00 follows 8:30–12:30)."""
    merged = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Closure:
    """An exceptional closure, both dates included."""

    start: datetime.date
    end: datetime.date
    reason: str = ""

    def covers(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Status:
    """Open or closed at a given instant, and what comes next."""

    is_open: bool
    closes_at: datetime.datetime | None = None
    opens_at: datetime.datetime | None = None
    closed_today_because: str = ""
    has_hours: bool = True


@dataclass
class Schedule:
    """A structure's opening rules: weekly hours, closures, public holidays.

    ``weekly`` maps a weekday (0 = Monday … 6 = Sunday) to its time ranges.
    """

    weekly: dict = field(default_factory=dict)
    closures: list = field(default_factory=list)
    open_on_public_holidays: bool = False

    def closed_because(self, day):
        """Why the structure is closed all of ``day`` although it has hours that weekday, or ''."""
        for closure in self.closures:
            if closure.covers(day):
                return closure.reason or _("fermeture exceptionnelle")
        if not self.open_on_public_holidays:
            holiday = public_holiday(day)
            if holiday:
                return _("jour férié : %(name)s") % {"name": holiday}
        return ""

    def opening_hours(self, since=None):
        """The schedule in OpenStreetMap's syntax; closures ended before ``since`` left out; "" without hours."""
        weekly = {day: merge_ranges(ranges) for day, ranges in self.weekly.items()}
        return osm_hours.format_opening_hours(weekly, self.closures, self.open_on_public_holidays, since)

    @cached_property
    def evaluator(self):
        """opening-hours-py's reading of the schedule, or None when it has no hours."""
        text = self.opening_hours()
        return osm_hours.evaluator(text) if text else None

    def status(self, now):
        """Open or closed at ``now`` (an aware datetime), with the closing or next opening time."""
        if self.evaluator is None:
            return Status(is_open=False, has_hours=False)
        now = now.astimezone(PARIS)  # the library reads zoneinfo time zones only
        state, _comment = self.evaluator.state(now)
        if state == State.OPEN:
            return Status(is_open=True, closes_at=self.evaluator.next_change(now))
        today = now.date()
        reason = self.closed_because(today) if self.weekly.get(today.weekday()) else ""
        horizon = now + datetime.timedelta(days=HORIZON_DAYS)
        for start, _end, state, _comment in self.evaluator.intervals(now, horizon):
            if state == State.OPEN:
                return Status(is_open=False, opens_at=start, closed_today_because=reason)
        return Status(is_open=False, closed_today_because=reason)

    def upcoming_closures(self, today):
        """Closures that have not ended yet, soonest first."""
        return sorted((c for c in self.closures if c.end >= today), key=lambda c: c.start)

    def upcoming_holidays(self, today, days=31):
        """[(date, name)] of the public holidays in the next ``days`` days that close the structure."""
        if self.open_on_public_holidays:
            return []
        end = today + datetime.timedelta(days=days)
        return [
            (day, name) for day, name in public_holidays(today, end).items() if self.weekly.get(day.weekday())
        ]

    def week_ranges(self):
        """[(weekday name, [(9:00, 12:00), (14:00, 17:00)])], Monday to Saturday (Sunday if open)."""
        days = range(7) if self.weekly.get(6) else range(6)
        return [(weekday_name(day), merge_ranges(self.weekly.get(day) or [])) for day in days]

    def week(self):
        """[(weekday name, ["9 h – 12 h", "14 h – 17 h"])], as ``week_ranges``; [] = closed."""
        return [(name, [hours_range(*r) for r in ranges]) for name, ranges in self.week_ranges()]


def describe_day(moment, now):
    """The day of ``moment`` as said from ``now``: "aujourd'hui", "demain", "mardi", "le lundi 2 septembre"."""
    days = (moment.astimezone(PARIS).date() - now.astimezone(PARIS).date()).days
    if days == 0:
        return _("aujourd'hui")
    if days == 1:
        return _("demain")
    local = moment.astimezone(PARIS)
    if days < 7:
        return str(weekday_name(local.weekday()))
    return _("le %(date)s") % {"date": long_date(local.date(), year=False)}


def describe(status, now):
    """One sentence a citizen reads in a list: "Ouvert maintenant jusqu'à 12 h", "Ouvre mardi à 9 h"."""
    if not status.has_hours:
        return _("Horaires non communiqués")
    if status.is_open:
        return _("Ouvert maintenant jusqu'à %(time)s") % {
            "time": hour(status.closes_at.astimezone(PARIS).time())
        }
    sentence = ""
    if status.closed_today_because:
        sentence = _("Fermé aujourd'hui (%(reason)s).") % {"reason": status.closed_today_because} + " "
    if status.opens_at is None:
        return sentence + _("Pas d'ouverture prévue pour le moment.")
    return sentence + _("Ouvre %(day)s à %(time)s") % {
        "day": describe_day(status.opens_at, now),
        "time": hour(status.opens_at.astimezone(PARIS).time()),
    }


@dataclass(frozen=True)
class Recurrence:
    """A stop's regular schedule: every ``weekday``, or its ``week_of_month``-th one (-1 = last)."""

    weekday: int
    week_of_month: int | None = None
    start: datetime.time | None = None
    end: datetime.time | None = None

    @property
    def positions(self):
        return [] if self.week_of_month is None else [self.week_of_month]

    def describe(self):
        """In words: "chaque mardi, 9 h – 12 h", "le 2e mardi du mois", "le dernier vendredi du mois"."""
        text = describe_recurrence([self.weekday], self.positions)
        if self.start and self.end:
            text += ", " + hours_range(self.start, self.end)
        return text

    def next_dates(self, today, count=3, schedule=None):
        """The next ``count`` dates from ``today``, skipping the structure's closures and holidays."""
        dates = []
        for day in islice(recurring_dates([self.weekday], self.positions, today), count * 10):
            if schedule is not None and schedule.closed_because(day):
                continue
            dates.append(day)
            if len(dates) == count:
                break
        return dates
