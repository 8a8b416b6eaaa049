"""The agenda's fixed lists and bounds: the dates a calendar may hold, what an appointment is about.

Weekdays and positions in the month are the portal's (``portal.calendar``).
"""

from datetime import date
from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

PARIS = ZoneInfo("Europe/Paris")
# The calendar holds no session, and shows no month, outside these days.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
# A rule that gives more dates than this is refused: an editor typed a wrong year.
MAX_OCCURRENCES = 1000

date_validators = [
    MinValueValidator(FIRST_DAY, _("Choisissez une date à partir du 1er janvier 2000.")),
    MaxValueValidator(LAST_DAY, _("Choisissez une date avant le 31 décembre 2100.")),
]


def is_calendar_month(year, month):
    """Whether (year, month) is a month the calendar shows: a real month between FIRST_DAY and LAST_DAY."""
    return 1 <= month <= 12 and FIRST_DAY.year <= year <= LAST_DAY.year


class Subject(models.TextChoices):
    """What the appointment is about. A fixed list: no free text, nothing about the person."""

    CAF = "caf", _("CAF")
    HEALTH = "sante", _("Santé")
    PAPERS = "papiers", _("Papiers")
    EMPLOYMENT = "emploi", _("Emploi")
    TAXES = "impots", _("Impôts")
    PENSION = "retraite", _("Retraite")
    HOUSING = "logement", _("Logement")
    OTHER = "autre", _("Autre")


class Outcome(models.TextChoices):
    """What happened at the appointment, noted after it. Blank until someone notes it."""

    CAME = "venu", _("Venu")
    NO_SHOW = "pas_venu", _("Pas venu")
    EXCUSED = "excuse", _("Excusé")
    MOVED = "reporte", _("Reporté")
