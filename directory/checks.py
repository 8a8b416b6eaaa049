"""Keeping the directory true: which structures to call again, and before the holidays, which
ones have not said when they close.

- A structure's information is *checked* when an editor confirms it with the structure
  (``verified_on``). After six months without a check it is listed for a call.
- Twice a year, before the summer and before the end-of-year holidays, many structures close for
  a week or more. A *verification campaign* opens two months before (1 May, 1 November) and
  lasts until the holidays end; it lists the structures with no closure entered during the
  holidays and not checked since the campaign opened. A structure that stays open is checked
  (its date set) and leaves the list.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from dateutil.relativedelta import relativedelta

from .models import Closure, Structure

CHECK_EVERY_MONTHS = 6


def check_due_before(today):
    """Structures checked before this day (or never) are due for a check."""
    return today - relativedelta(months=CHECK_EVERY_MONTHS)


def due_for_check(today):
    """The département's structures not checked for six months, never-checked ones first, then the oldest."""
    return (
        Structure.objects.in_department()
        .filter(Q(verified_on__isnull=True) | Q(verified_on__lt=check_due_before(today)))
        .order_by(F("verified_on").asc(nulls_first=True), "name")
    )


@dataclass(frozen=True)
class Campaign:
    """Before the holidays from ``first`` to ``last``: from ``opens``, ask each structure when it closes."""

    name: str  # "l'été 2027"
    opens: datetime.date
    first: datetime.date
    last: datetime.date

    def is_open(self, today):
        return self.opens <= today <= self.last

    def structures(self):
        """Structures with no closure entered during the holidays, and not checked since the campaign opened."""
        closes_then = Closure.objects.filter(
            structure=OuterRef("pk"), start_date__lte=self.last, end_date__gte=self.first
        )
        return (
            Structure.objects.in_department()
            .exclude(Exists(closes_then))
            .exclude(verified_on__gte=self.opens)
            .order_by("name")
        )


def campaigns_of(year):
    """The year's two campaigns: the summer holidays, then the end-of-year ones."""
    return [
        Campaign(
            _("l'été %(year)s") % {"year": year},
            datetime.date(year, 5, 1),
            datetime.date(year, 7, 1),
            datetime.date(year, 8, 31),
        ),
        Campaign(
            _("les fêtes de fin d'année %(year)s") % {"year": year},
            datetime.date(year, 11, 1),
            datetime.date(year, 12, 20),
            datetime.date(year + 1, 1, 3),
        ),
    ]


def current_campaign(today):
    """The campaign open on ``today``, or None."""
    for campaign in campaigns_of(today.year - 1) + campaigns_of(today.year):
        if campaign.is_open(today):
            return campaign
    return None


def next_campaign(today):
    """The next campaign to open after ``today``."""
    return next(c for c in campaigns_of(today.year) + campaigns_of(today.year + 1) if c.opens > today)
