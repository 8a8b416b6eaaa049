"""Recurrence rules: "les 2e et 4e jeudis du mois, de 14 h à 17 h" in a SPIP unit."""

from itertools import islice

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from portal.calendar import MonthPosition, Weekday, describe_recurrence, public_holidays, recurring_dates
from portal.formats import time_range

from .choices import FIRST_DAY, LAST_DAY, MAX_OCCURRENCES, date_validators
from .hours import SessionHours
from .unit import ProbationUnit


class SessionRuleQuerySet(models.QuerySet):
    def for_unit(self, unit):
        return self.filter(unit=unit)


class SessionRule(SessionHours):
    """A recurrence rule that editors enter, such as "2nd and 4th Thursday, 14:00–17:00".

    Its dates come from ``portal.calendar``; saving it in the admin generates one Session per
    date (``agenda.recurrence.sync_sessions``).
    """

    unit = models.ForeignKey(
        ProbationUnit, verbose_name=_("unité"), on_delete=models.CASCADE, related_name="rules"
    )
    weekdays = models.JSONField(
        _("jours de la semaine"),
        default=list,
        help_text=_("Cochez un jour ou plusieurs."),
    )
    positions = models.JSONField(
        _("dans le mois"),
        default=list,
        blank=True,
        help_text=_(
            "Laissez vide pour « chaque semaine ». Cochez 2e et 4e pour « le 2e et le 4e jeudi du mois »."
        ),
    )
    starts_on = models.DateField(_("à partir du"), validators=date_validators)
    ends_on = models.DateField(_("jusqu'au"), validators=date_validators)

    objects = SessionRuleQuerySet.as_manager()

    panels = [
        FieldPanel("unit"),
        FieldPanel("weekdays"),
        FieldPanel("positions"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("slot_minutes"),
        FieldPanel("holder"),
    ]

    class Meta:
        ordering = ["unit__name", "starts_on"]
        verbose_name = _("permanence régulière")
        verbose_name_plural = _("permanences régulières")

    def __str__(self):
        return f"{self.unit} – {self.describe()}"

    def occurrences(self, limit=None):
        """[(date, holiday name or None), …] of the rule, in order, at most ``limit`` of them."""
        dates = recurring_dates(self.weekdays, self.positions, self.starts_on, self.ends_on)
        days = list(islice(dates, limit))
        if not days:
            return []
        holidays = public_holidays(days[0], days[-1])
        return [(day, holidays.get(day)) for day in days]

    def describe(self):
        """The rule in words, e.g. "les 2e et 4e jeudis du mois, de 14 h à 17 h"."""
        when = describe_recurrence(self.weekdays or [], self.positions or [])
        if self.start_time and self.end_time:
            when = f"{when}, {time_range(self.start_time, self.end_time)}"
        return when

    describe.short_description = _("règle")

    def clean(self):
        errors = self.hours_errors()
        if not self.weekdays:
            errors["weekdays"] = _("Cochez au moins un jour de la semaine.")
        elif not set(self.weekdays) <= set(Weekday.values):
            errors["weekdays"] = _("Choisissez des jours de la semaine de la liste.")
        if not set(self.positions or []) <= set(MonthPosition.values):
            errors["positions"] = _("Choisissez des positions de la liste.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("La date de fin doit être après la date de début.")
        if errors:
            raise ValidationError(errors)
        if None in (self.starts_on, self.ends_on) or not self.weekdays:
            return
        if not (FIRST_DAY <= self.starts_on <= LAST_DAY and FIRST_DAY <= self.ends_on <= LAST_DAY):
            return  # the field validators already said it
        found = self.occurrences(limit=MAX_OCCURRENCES + 1)
        total, working = len(found), sum(1 for _day, holiday in found if holiday is None)
        if working == 0:
            raise ValidationError(
                _(
                    "Cette règle ne donne aucune date de permanence entre ces deux dates (jours fériés exclus)."
                )
            )
        if total > MAX_OCCURRENCES:
            raise ValidationError(
                _(
                    "Cette règle donne plus de %(max)s dates. Raccourcissez la période ou choisissez moins de jours."
                )
                % {"max": MAX_OCCURRENCES}
            )
