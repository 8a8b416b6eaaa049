"""What a session and a rule both have: their hours, the length of an appointment, who holds them."""

from datetime import date, datetime, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionHours(models.Model):
    """The hours of one session, or of every session a rule gives: split into appointment slots."""

    start_time = models.TimeField(_("heure de début"))
    end_time = models.TimeField(_("heure de fin"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("durée d'un rendez-vous (minutes)"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
    )
    holder = models.CharField(
        _("qui tient la permanence"),
        max_length=120,
        blank=True,
        help_text=_("Visible seulement dans l'espace des professionnels, jamais sur le site public."),
    )

    class Meta:
        abstract = True

    def hours_errors(self):
        """Errors on the hours, by field: the end after the start, room for one slot."""
        start, end = self.start_time, self.end_time
        if not (start and end):
            return {}
        if end <= start:
            return {"end_time": _("L'heure de fin doit être après l'heure de début.")}
        minutes = (datetime.combine(date.min, end) - datetime.combine(date.min, start)) // timedelta(
            minutes=1
        )
        if self.slot_minutes and minutes < self.slot_minutes:
            return {"slot_minutes": _("La permanence est plus courte qu'un rendez-vous.")}
        return {}
