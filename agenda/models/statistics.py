"""What is left of old bookings once they are deleted: counts per unit and per month."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .unit import ProbationUnit


class MonthlyBookingCount(models.Model):
    """The counts of a unit's bookings in one month, kept after the bookings are deleted.

    Counts of bookings, never of people. ``agenda/retention.py`` adds the old bookings here
    then deletes them; the statistics add these counts to the bookings still kept.
    """

    unit = models.ForeignKey(
        ProbationUnit, verbose_name=_("unité"), on_delete=models.CASCADE, related_name="booking_counts"
    )
    month = models.DateField(_("mois (premier jour)"))
    booked = models.PositiveIntegerField(_("réservés"), default=0)
    attended = models.PositiveIntegerField(_("venus"), default=0)
    no_show = models.PositiveIntegerField(_("pas venus"), default=0)
    excused = models.PositiveIntegerField(_("excusés"), default=0)
    moved = models.PositiveIntegerField(_("reportés"), default=0)
    cancelled = models.PositiveIntegerField(_("annulés"), default=0)

    FIGURES = ("booked", "attended", "no_show", "excused", "moved", "cancelled")

    class Meta:
        ordering = ["month", "unit__name"]
        verbose_name = _("comptes du mois")
        verbose_name_plural = _("comptes des mois")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month"], name="agenda_one_count_per_unit_month")
        ]

    def __str__(self):
        return f"{self.unit} – {self.month:%m/%Y}"
