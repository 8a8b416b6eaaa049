"""The agenda's figures per unit and per month: slots offered, bookings and what became of them.

Counts of bookings, never of people: a person booked twice counts twice. The figures add the
bookings still kept to the counts left of the deleted ones (``MonthlyBookingCount``), so they
do not change when old bookings are deleted (``agenda/retention.py``).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from portal.formats import month_name

from .models import Booking, MonthlyBookingCount, Outcome, ProbationUnit, Session

FIGURES = MonthlyBookingCount.FIGURES
# Column titles, in the table and the CSV, in this order.
COLUMNS = {
    "offered": _("Créneaux offerts"),
    "booked": _("Réservés"),
    "attended": _("Venus"),
    "no_show": _("Pas venus"),
    "excused": _("Excusés"),
    "moved": _("Reportés"),
    "cancelled": _("Annulés"),
}


@dataclass
class MonthFigures:
    unit: object
    month: date
    offered: int = 0
    counts: dict = field(default_factory=lambda: dict.fromkeys(FIGURES, 0))

    @property
    def label(self):
        return month_name(self.month.year, self.month.month)

    def values(self):
        return [self.offered, *(self.counts[name] for name in FIGURES)]

    def __getattr__(self, name):
        if name in FIGURES:
            return self.counts[name]
        raise AttributeError(name)


def booking_counts(bookings):
    """{(unit id, first day of the month): {figure: count}} of a queryset of bookings.

    Booked: not cancelled. Moved: marked "reporté" (a moved booking is cancelled, and is not
    counted again as cancelled). Cancelled: cancelled for another reason.
    """
    rows = (
        bookings.order_by()
        .values("session__unit", "session__date__year", "session__date__month")
        .annotate(
            booked=Count("pk", filter=Q(cancelled_at__isnull=True)),
            attended=Count("pk", filter=Q(outcome=Outcome.CAME)),
            no_show=Count("pk", filter=Q(outcome=Outcome.NO_SHOW)),
            excused=Count("pk", filter=Q(outcome=Outcome.EXCUSED)),
            moved=Count("pk", filter=Q(outcome=Outcome.MOVED)),
            cancelled=Count("pk", filter=Q(cancelled_at__isnull=False) & ~Q(outcome=Outcome.MOVED)),
        )
    )
    return {
        (row["session__unit"], date(row["session__date__year"], row["session__date__month"], 1)): {
            name: row[name] for name in FIGURES
        }
        for row in rows
    }


def monthly_figures(first, last, unit=None):
    """[MonthFigures] of each unit and month between ``first`` and ``last`` holding anything, by month then unit."""
    sessions = Session.objects.scheduled().between(first, last).select_related("unit")
    bookings = Booking.objects.filter(session__date__gte=first, session__date__lte=last)
    kept = MonthlyBookingCount.objects.filter(
        month__gte=first.replace(day=1), month__lte=last
    ).select_related("unit")
    if unit is not None:
        sessions, bookings, kept = (
            sessions.filter(unit=unit),
            bookings.filter(session__unit=unit),
            kept.filter(unit=unit),
        )
    units = {}
    table = defaultdict(dict)

    def figures(unit_obj, month):
        units[unit_obj.pk] = unit_obj
        return table[month].setdefault(unit_obj.pk, MonthFigures(unit_obj, month))

    for session in sessions:
        figures(session.unit, session.date.replace(day=1)).offered += session.capacity
    for count in kept:
        row = figures(count.unit, count.month)
        for name in FIGURES:
            row.counts[name] += getattr(count, name)
    live = booking_counts(bookings)
    if live:
        missing = {unit_id for unit_id, _month in live} - units.keys()
        units.update(ProbationUnit.objects.in_bulk(missing))
    for (unit_id, month), counts in live.items():
        row = figures(units[unit_id], month)
        for name in FIGURES:
            row.counts[name] += counts[name]
    return [
        row
        for month in sorted(table)
        for row in sorted(table[month].values(), key=lambda row: (row.unit.name, row.unit.pk))
    ]


def totals(rows):
    """The sum of each column over ``rows``, as a list in COLUMNS order."""
    return (
        [sum(column) for column in zip(*(row.values() for row in rows), strict=True)]
        if rows
        else [0] * len(COLUMNS)
    )


def per_month(rows):
    """[(first day of the month, {offered, booked, attended, no_show})] summed over the units."""
    months = {}
    for row in rows:
        month = months.setdefault(row.month, dict.fromkeys(("offered", "booked", "attended", "no_show"), 0))
        month["offered"] += row.offered
        for name in ("booked", "attended", "no_show"):
            month[name] += row.counts[name]
    return sorted(months.items())


# The chart: one group of bars a month. Sizes in SVG user units; the SVG scales to its box.
CHART_BARS = (
    ("offered", _("offerts")),
    ("booked", _("réservés")),
    ("attended", _("venus")),
    ("no_show", _("pas venus")),
)
BAR_WIDTH, BAR_GAP, GROUP_GAP, CHART_HEIGHT, LABEL_HEIGHT = 8, 1, 10, 120, 16


def _number(value):
    """An SVG coordinate: a dot, never the French decimal comma the templates would write."""
    return f"{value:g}"


def chart(rows):
    """The bars of a small SVG chart (drawn by the template): a group a month, four bars a group.

    Coordinates are strings already, so that the French number format never reaches the SVG.
    """
    months = per_month(rows)
    top = max((value for _month, values in months for value in values.values()), default=0) or 1
    group_width = len(CHART_BARS) * (BAR_WIDTH + BAR_GAP) + GROUP_GAP
    groups = []
    for index, (month, values) in enumerate(months):
        x = GROUP_GAP + index * group_width
        bars = []
        for position, (name, label) in enumerate(CHART_BARS):
            height = round(values[name] * CHART_HEIGHT / top, 1)
            bars.append(
                {
                    "name": name,
                    "label": label,
                    "value": values[name],
                    "x": _number(x + position * (BAR_WIDTH + BAR_GAP)),
                    "y": _number(round(CHART_HEIGHT - height, 1)),
                    "height": _number(height),
                }
            )
        groups.append({"month": month, "label": f"{month:%m}/{month:%y}", "x": _number(x), "bars": bars})
    return {
        "groups": groups,
        "legend": CHART_BARS,
        "width": _number(GROUP_GAP + len(months) * group_width),
        "height": _number(CHART_HEIGHT + LABEL_HEIGHT),
        "baseline": _number(CHART_HEIGHT),
        "label_y": _number(CHART_HEIGHT + LABEL_HEIGHT - 4),
        "bar_width": _number(BAR_WIDTH),
        "top": top,
    }
