"""When and where a structure receives: opening hours per weekday, exceptional closures, the stops
of an itinerant France services. Editors enter them inline on the structure's form; the import
of the official file writes the opening hours.
"""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from portal.calendar import WEEKDAY_CHOICES, MonthPosition
from portal.formats import hours_ranges

from .. import hours
from .commune import Commune


def day_ranges(opens, closes, opens_again=None, closes_again=None):
    """A day's row of opening hours as time ranges: one, or two around the lunch break."""
    ranges = [(opens, closes)]
    if opens_again and closes_again:
        ranges.append((opens_again, closes_again))
    return ranges


class OpeningHoursQuerySet(models.QuerySet):
    def weekly_ranges(self):
        """{structure id: {weekday: [(opens, closes), …] in order}} in one light query."""
        weekly = defaultdict(dict)
        rows = self.values_list("structure_id", "weekday", "opens", "closes", "opens_again", "closes_again")
        for pk, weekday, *times in rows:
            weekly[pk].setdefault(weekday, []).extend(day_ranges(*times))
        for week in weekly.values():
            for ranges in week.values():
                ranges.sort()
        return weekly


class OpeningHours(models.Model):
    """A weekday's opening hours: one range, or two with a lunch break."""

    structure = ParentalKey("directory.Structure", on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("jour"), choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("ouvre à"))
    closes = models.TimeField(_("ferme à"))
    opens_again = models.TimeField(
        _("rouvre à"), null=True, blank=True, help_text=_("Après la pause de midi.")
    )
    closes_again = models.TimeField(_("ferme à (fin de journée)"), null=True, blank=True)

    panels = [
        FieldPanel("weekday"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldRowPanel([FieldPanel("opens_again"), FieldPanel("closes_again")]),
    ]

    objects = OpeningHoursQuerySet.as_manager()

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("horaires d'un jour")
        verbose_name_plural = _("horaires d'ouverture")

    def __str__(self):
        return f"{WEEKDAY_CHOICES[self.weekday][1]} : {hours_ranges(self.ranges)}"

    @property
    def ranges(self):
        return day_ranges(self.opens, self.closes, self.opens_again, self.closes_again)

    @classmethod
    def rows_for(cls, structure_id, weekly):
        """Unsaved rows for {weekday: [(opens, closes), (opens again, closes again)]}: one row a day."""
        rows = []
        for weekday, ranges in sorted(weekly.items()):
            (opens, closes), *rest = ranges
            opens_again, closes_again = rest[0] if rest else (None, None)
            rows.append(
                cls(
                    structure_id=structure_id,
                    weekday=weekday,
                    opens=opens,
                    closes=closes,
                    opens_again=opens_again,
                    closes_again=closes_again,
                )
            )
        return rows

    def clean(self):
        errors = {}
        if self.opens and self.closes and self.opens >= self.closes:
            errors["closes"] = _("L'heure de fermeture doit venir après l'heure d'ouverture.")
        if bool(self.opens_again) != bool(self.closes_again):
            errors["closes_again"] = _("Donnez les deux heures de l'après-midi, ou aucune.")
        elif self.opens_again and self.closes_again:
            if self.opens_again >= self.closes_again:
                errors["closes_again"] = _("L'heure de fermeture doit venir après l'heure de réouverture.")
            elif self.closes and self.opens_again < self.closes:
                errors["opens_again"] = _("La réouverture doit venir après la fermeture de midi.")
        if errors:
            raise ValidationError(errors)


class Closure(models.Model):
    """An exceptional closure of a structure: holidays of the team, works, training day."""

    structure = ParentalKey("directory.Structure", on_delete=models.CASCADE, related_name="closures")
    start_date = models.DateField(_("du"))
    end_date = models.DateField(_("au (inclus)"))
    reason = models.CharField(
        _("raison"), max_length=200, blank=True, help_text=_("Par exemple : congés d'été.")
    )

    panels = [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]), FieldPanel("reason")]

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("fermeture exceptionnelle")
        verbose_name_plural = _("fermetures exceptionnelles")

    def __str__(self):
        return f"{self.start_date} – {self.end_date} {self.reason}".strip()

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit venir après le début (ou le même jour).")})


def validate_site_or_web_address(value):
    """Accept a path on this site (/agenda/meaux/) or a full web address."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"], message=_("Écrivez une adresse qui commence par / ou par https://.")
    )(value)


class Stop(Orderable):
    """A place where an itinerant or bus France services comes, on a regular day."""

    # A stop comes on the 1st to 4th, or the last, such weekday of the month.
    WEEK_OF_MONTH_CHOICES = [
        (position.value, format_lazy(_("le {position} du mois"), position=position.label))
        for position in MonthPosition
        if position != MonthPosition.FIFTH
    ]

    structure = ParentalKey("directory.Structure", on_delete=models.CASCADE, related_name="stops")
    place = models.CharField(_("lieu"), max_length=200, help_text=_("Par exemple : mairie, salle des fêtes."))
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    weekday = models.PositiveSmallIntegerField(
        _("jour"),
        choices=WEEKDAY_CHOICES,
        null=True,
        blank=True,
        help_text=_("Vide si le passage n'est pas régulier."),
    )
    week_of_month = models.SmallIntegerField(
        _("semaine"),
        choices=WEEK_OF_MONTH_CHOICES,
        null=True,
        blank=True,
        help_text=_("Vide : chaque semaine."),
    )
    start_time = models.TimeField(_("de"), null=True, blank=True)
    end_time = models.TimeField(_("à"), null=True, blank=True)
    calendar_url = models.CharField(
        _("lien vers le calendrier"),
        max_length=300,
        blank=True,
        validators=[validate_site_or_web_address],
        help_text=_(
            "Page où voir les prochaines dates : une adresse du site (par exemple /agenda/meaux/) "
            "ou d'un autre site (https://…)."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("place"), FieldPanel("commune")]),
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("week_of_month")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("calendar_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lieu de passage")
        verbose_name_plural = _("lieux de passage")

    def __str__(self):
        return f"{self.place}, {self.commune.name}" if self.commune else self.place

    @property
    def recurrence(self):
        if self.weekday is None:
            return None
        return hours.Recurrence(self.weekday, self.week_of_month, self.start_time, self.end_time)

    def next_dates(self, count=3):
        if self.recurrence is None:
            return []
        return self.recurrence.next_dates(timezone.localdate(), count, self.structure.schedule)

    def clean(self):
        errors = {}
        if self.weekday is None and (self.week_of_month or self.start_time or self.end_time):
            errors["weekday"] = _("Choisissez le jour du passage.")
        if bool(self.start_time) != bool(self.end_time):
            errors["end_time"] = _("Donnez l'heure de début et l'heure de fin, ou aucune.")
        elif self.start_time and self.end_time and self.start_time >= self.end_time:
            errors["end_time"] = _("L'heure de fin doit venir après l'heure de début.")
        if errors:
            raise ValidationError(errors)
