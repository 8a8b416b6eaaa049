"""The calendar of the France services sessions held in the probation units (SPIP) of Seine-et-Marne.

A probation unit hosts sessions ("permanences"); editors enter one-off sessions
or recurrence rules that generate them. CPIPs book appointment slots in the
sessions for the people they follow. A booking never says who the person is.
"""

import secrets
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import SIMPLE_RICH_TEXT
from portal.calendar import MonthPosition, Weekday, describe_recurrence
from portal.formats import hour, long_date, time_range

from .recurrence import count_occurrences

PARIS = ZoneInfo("Europe/Paris")
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
MAX_OCCURRENCES = 1000

date_validators = [
    MinValueValidator(FIRST_DAY, _("Choisissez une date à partir du 1er janvier 2000.")),
    MaxValueValidator(LAST_DAY, _("Choisissez une date avant le 31 décembre 2100.")),
]


class ProbationUnit(index.Indexed, models.Model):
    """An open-environment unit of the SPIP, where France services sessions are held."""

    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple : SPIP – Meaux."))
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=60,
        unique=True,
        help_text=_("Lettres minuscules et tirets, par exemple : meaux. Il sert dans l'adresse de la page."),
    )
    address = models.CharField(
        _("adresse"),
        max_length=200,
        blank=True,
        help_text=_(
            "Numéro et rue. À compléter : tant qu'elle est vide, le site dit de demander l'adresse au CPIP."
        ),
    )
    postcode = models.CharField(_("code postal"), max_length=5)
    commune = models.CharField(_("commune"), max_length=100)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True, help_text=_("À compléter."))
    access = models.TextField(
        _("comment venir"),
        blank=True,
        help_text=_("Bus, train, parking, étage, accès en fauteuil roulant. Phrases courtes."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")])],
            heading=_("Adresse"),
        ),
        FieldPanel("phone"),
        FieldPanel("access"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("commune"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unité du SPIP")
        verbose_name_plural = _("unités du SPIP")

    def __str__(self):
        return self.name

    @property
    def address_lines(self):
        """The postal address as lines; empty while editors have not entered the street."""
        if not self.address:
            return []
        return [self.address, f"{self.postcode} {self.commune}"]

    def public_url(self, request=None):
        """Absolute address of this unit's page in the public calendar, or "" when there is none."""
        agenda = AgendaPage.objects.live().first()
        if agenda is None:
            return ""
        return agenda.unit_url(self, request=request)


class SessionRuleQuerySet(models.QuerySet):
    def for_unit(self, unit):
        return self.filter(unit=unit)


class SessionRule(models.Model):
    """A recurrence rule that editors enter, such as "2nd and 4th Thursday, 14:00–17:00".

    Saving it generates one Session per date (see ``agenda.recurrence``).
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
    start_time = models.TimeField(_("heure de début"))
    end_time = models.TimeField(_("heure de fin"))
    starts_on = models.DateField(_("à partir du"), validators=date_validators)
    ends_on = models.DateField(_("jusqu'au"), validators=date_validators)
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

    def describe(self):
        """The rule in words, e.g. "le 2e et 4e jeudi du mois, de 14 h à 17 h"."""
        when = describe_recurrence(self.weekdays or [], self.positions or [])
        if self.start_time and self.end_time:
            when = f"{when}, {time_range(self.start_time, self.end_time)}"
        return when

    describe.short_description = _("règle")

    def clean(self):
        errors = hours_errors(self.start_time, self.end_time, self.slot_minutes)
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
        total, working = count_occurrences(self, limit=MAX_OCCURRENCES + 1)
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


def duration_minutes(start, end):
    return (datetime.combine(FIRST_DAY, end) - datetime.combine(FIRST_DAY, start)) // timedelta(minutes=1)


def hours_errors(start, end, slot_minutes):
    """Errors on the hours of a session or rule: the end after the start, room for one slot."""
    if not (start and end):
        return {}
    if end <= start:
        return {"end_time": _("L'heure de fin doit être après l'heure de début.")}
    if slot_minutes and duration_minutes(start, end) < slot_minutes:
        return {"slot_minutes": _("La permanence est plus courte qu'un rendez-vous.")}
    return {}


class SessionQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        """Sessions from today on, in date order."""
        return self.filter(date__gte=today or timezone.localdate()).order_by(
            "date", "start_time", "unit__name"
        )

    def past(self, today=None):
        return self.filter(date__lt=today or timezone.localdate()).order_by("-date", "-start_time")

    def for_unit(self, unit):
        return self.filter(unit=unit)

    def in_month(self, year, month):
        return self.filter(date__year=year, date__month=month).order_by("date", "start_time", "unit__name")

    def between(self, first, last):
        return self.filter(date__gte=first, date__lte=last).order_by("date", "start_time", "unit__name")

    def scheduled(self):
        return self.filter(status=Session.Status.SCHEDULED)

    def held_or_cancelled(self):
        """Sessions that were planned, even if cancelled since; public holidays left out."""
        return self.exclude(status=Session.Status.HOLIDAY)

    def with_booking_counts(self):
        return self.annotate(
            booked_count=Count("bookings", filter=Q(bookings__cancelled_at__isnull=True), distinct=True)
        )


class Session(models.Model):
    """One France services session ("permanence") held in a probation unit on one day.

    Its time is split into appointment slots of ``slot_minutes``. A session
    generated by a rule keeps the rule's date in ``rule_date`` so that
    regenerating the rule finds it again, even after it was moved.
    """

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("prévue")
        CANCELLED = "cancelled", _("annulée")
        HOLIDAY = "holiday", _("jour férié, pas de permanence")

    unit = models.ForeignKey(
        ProbationUnit, verbose_name=_("unité"), on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("date"), validators=date_validators)
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
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    reason = models.CharField(
        _("raison, affichée au public"),
        max_length=200,
        blank=True,
        help_text=_("Obligatoire si la permanence est annulée. Par exemple : conseiller absent."),
    )
    rule = models.ForeignKey(
        SessionRule,
        verbose_name=_("permanence régulière"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    rule_date = models.DateField(_("date prévue par la règle"), null=True, blank=True, editable=False)
    edited = models.BooleanField(
        _("modifiée à la main"),
        default=False,
        help_text=_(
            "Cochée : la permanence régulière ne change plus cette date. Décochez pour la lui rendre."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    panels = [
        FieldPanel("unit"),
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("slot_minutes"),
        FieldPanel("holder"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("reason")], heading=_("État")),
        FieldPanel("edited"),
    ]

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("permanence")
        verbose_name_plural = _("permanences")
        constraints = [
            models.UniqueConstraint(fields=["rule", "rule_date"], name="agenda_one_session_per_rule_date"),
        ]
        indexes = [models.Index(fields=["date", "unit"])]

    def __str__(self):
        return f"{self.unit} – {long_date(self.date)}, {time_range(self.start_time, self.end_time)}"

    def clean(self):
        errors = hours_errors(self.start_time, self.end_time, self.slot_minutes)
        if self.status == self.Status.CANCELLED and not self.reason.strip():
            errors["reason"] = _("Dites en quelques mots pourquoi la permanence est annulée.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_scheduled(self):
        return self.status == self.Status.SCHEDULED

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_holiday(self):
        return self.status == self.Status.HOLIDAY

    def starts_at(self):
        return datetime.combine(self.date, self.start_time, tzinfo=PARIS)

    def ends_at(self):
        return datetime.combine(self.date, self.end_time, tzinfo=PARIS)

    def slot_times(self):
        """Start times of the appointment slots, e.g. [9:00, 9:30, …, 11:30] for 9:00–12:00."""
        if not (self.start_time and self.end_time and self.slot_minutes):
            return []
        step = timedelta(minutes=self.slot_minutes)
        current = datetime.combine(self.date, self.start_time)
        end = datetime.combine(self.date, self.end_time)
        times = []
        while current + step <= end:
            times.append(current.time())
            current += step
        return times

    def slot_starts_at(self, slot_time):
        return datetime.combine(self.date, slot_time, tzinfo=PARIS)

    @cached_property
    def active_bookings(self):
        """Active bookings by slot start; uses prefetched ``bookings`` when present."""
        return {booking.slot_start: booking for booking in self.bookings.all() if booking.is_active}

    def slots(self, now=None, user=None):
        """Every slot with its state, for the staff views; ``user`` recognises their own bookings."""
        now = now or timezone.now()
        return [
            Slot(time, self.active_bookings.get(time), self.slot_starts_at(time) <= now, user)
            for time in self.slot_times()
        ]

    def free_slot_times(self, now=None):
        if not self.is_scheduled:
            return []
        return [slot.time for slot in self.slots(now) if slot.is_free]

    @property
    def capacity(self):
        return len(self.slot_times()) if self.is_scheduled else 0


class Slot:
    """One appointment slot of a session, as the staff views show it."""

    def __init__(self, time, booking, is_past, user=None):
        self.time = time
        self.booking = booking
        self.is_past = is_past
        if booking is not None:
            self.state = "mine" if user is not None and booking.cpip_id == user.pk else "booked"
        else:
            self.state = "past" if is_past else "free"

    @property
    def is_free(self):
        return self.state == "free"


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


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def cancelled(self):
        return self.filter(cancelled_at__isnull=False)

    def for_cpip(self, user):
        return self.filter(cpip=user)

    def visible_to(self, user):
        """Editors see every booking; a CPIP sees their own."""
        from home.staff import is_editor

        return self if is_editor(user) else self.filter(cpip=user)

    def upcoming(self, today=None):
        return self.filter(session__date__gte=today or timezone.localdate()).order_by(
            "session__date", "slot_start"
        )

    def since(self, day):
        return self.filter(session__date__gte=day).order_by("session__date", "slot_start")


class Booking(models.Model):
    """One slot of a session booked by a CPIP for a person they follow.

    On purpose there is no field for the person: no name, no number, no free
    text. Only the slot, the CPIP, the subject and the sheets whose papers the
    person should bring.
    """

    session = models.ForeignKey(
        Session, verbose_name=_("permanence"), on_delete=models.CASCADE, related_name="bookings"
    )
    slot_start = models.TimeField(_("heure du rendez-vous"))
    cpip = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("CPIP"),
        on_delete=models.CASCADE,
        related_name="agenda_bookings",
    )
    subject = models.CharField(_("sujet"), max_length=10, choices=Subject.choices)
    sheets = models.ManyToManyField(
        "guides.ProcedureSheetPage",
        verbose_name=_("fiches : papiers à apporter"),
        blank=True,
        related_name="agenda_bookings",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["session__date", "slot_start"]
        verbose_name = _("rendez-vous")
        verbose_name_plural = _("rendez-vous")
        constraints = [
            # Two CPIPs cannot hold the same slot: the database refuses the second one.
            models.UniqueConstraint(
                fields=["session", "slot_start"],
                condition=Q(cancelled_at__isnull=True),
                name="agenda_one_active_booking_per_slot",
            ),
        ]

    def __str__(self):
        return f"{self.session.unit} – {self.session.date:%d/%m/%Y} {hour(self.slot_start)}"

    @property
    def is_active(self):
        return self.cancelled_at is None

    @property
    def subject_label(self):
        return Subject(self.subject).label

    def sheets_to_bring(self):
        """[(sheet, [papers…]), …] for the chosen sheets that are still published."""
        return [(sheet, sheet.documents_to_bring()) for sheet in self.sheets.published().order_by("title")]

    @property
    def cpip_name(self):
        return self.cpip.get_full_name() or self.cpip.username

    def starts_at(self):
        return self.session.slot_starts_at(self.slot_start)

    def ends_at(self):
        return self.starts_at() + timedelta(minutes=self.session.slot_minutes)


class CalendarFeedToken(models.Model):
    """The secret in the address of a CPIP's private calendar of bookings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("adresse secrète du calendrier")
        verbose_name_plural = _("adresses secrètes du calendrier")

    def __str__(self):
        return str(self.user)

    @classmethod
    def renew(cls, user):
        """Give ``user`` a new secret address; the old one stops working at once."""
        feed, _created = cls.objects.update_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return feed


class AgendaPage(RoutablePageMixin, Page):
    """The public calendar: where and when France services is held in each SPIP unit."""

    intro = RichTextField(
        _("introduction"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Quelques phrases courtes sous le titre."),
    )
    weeks_shown = models.PositiveSmallIntegerField(
        _("nombre de semaines affichées"),
        default=13,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Les permanences des semaines à venir que la page montre."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("weeks_shown")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("calendrier des permanences")
        verbose_name_plural = _("calendriers des permanences")

    def unit_url(self, unit, request=None):
        return self.get_full_url(request) + self.reverse_subpage("unit", args=[unit.slug])

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for unit in ProbationUnit.objects.all():
            urls.append({"location": base + self.reverse_subpage("unit", args=[unit.slug])})
        return urls

    @path("")
    def all_units(self, request):
        from . import public

        return self.render(request, context_overrides=public.all_units_context(self))

    @path("<slug:unit_slug>/")
    def unit(self, request, unit_slug):
        from . import public

        context = public.unit_context(self, unit_slug)
        return self.render(request, template="agenda/agenda_unit.html", context_overrides=context)

    @path("<slug:unit_slug>/affiche/<int:year>-<int:month>/", name="poster")
    def poster(self, request, unit_slug, year, month):
        from . import public

        context = public.poster_context(self, request, unit_slug, year, month)
        return self.render(request, template="agenda/agenda_poster.html", context_overrides=context)
