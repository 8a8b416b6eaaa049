"""Keeping less: old bookings are reduced to the monthly counts, then deleted.

A booking is kept ``settings.AGENDA_BOOKING_RETENTION_MONTHS`` months after its session's day
(12 by default). ``purge_old_bookings`` (daily: docs/deploy.md) adds the older ones to
``MonthlyBookingCount`` and deletes them in one transaction, so running it twice counts
nothing twice: the second run finds no old booking left.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dateutil.relativedelta import relativedelta

from .models import Booking, MonthlyBookingCount
from .statistics import FIGURES, booking_counts


def cutoff(today=None, months=None):
    """The first day whose bookings are kept."""
    months = settings.AGENDA_BOOKING_RETENTION_MONTHS if months is None else months
    if months < 1:
        raise ValueError("AGENDA_BOOKING_RETENTION_MONTHS must be 1 or more")
    return (today or timezone.localdate()) - relativedelta(months=months)


def purge_old_bookings(today=None, months=None):
    """Fold the bookings of sessions before ``cutoff()`` into the monthly counts and delete them.

    Returns the number of bookings deleted.
    """
    before = cutoff(today, months)
    with transaction.atomic():
        # Lock the old bookings: a second run at the same moment waits, then finds them gone.
        ids = list(
            Booking.objects.select_for_update(of=("self",))
            .filter(session__date__lt=before)
            .values_list("pk", flat=True)
        )
        if not ids:
            return 0
        old = Booking.objects.filter(pk__in=ids)
        for (unit_id, month), counts in booking_counts(old).items():
            count, _created = MonthlyBookingCount.objects.select_for_update().get_or_create(
                unit_id=unit_id, month=month
            )
            MonthlyBookingCount.objects.filter(pk=count.pk).update(
                **{name: F(name) + counts[name] for name in FIGURES}
            )
        old.delete()
    return len(ids)
