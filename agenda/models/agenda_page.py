"""The public calendar page: every unit and its coming sessions, a page per unit, the month poster."""

from datetime import timedelta
from itertools import groupby

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from dateutil.relativedelta import relativedelta

from portal.addresses import page_full_url
from portal.blocks import SIMPLE_RICH_TEXT
from portal.formats import month_name
from portal.pdf import qr_code_data_uri

from .choices import is_calendar_month
from .session import Session
from .unit import ProbationUnit


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

    @classmethod
    def public_unit_url(cls, unit, request=None):
        """Absolute address of ``unit``'s page in the live public calendar, or "" when there is none."""
        page = cls.objects.live().first()
        return page.unit_url(unit, request=request) if page else ""

    def unit_url(self, unit, request=None):
        return page_full_url(self, request) + self.reverse_subpage("unit", args=[unit.slug])

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = page_full_url(self, request)
        for unit in ProbationUnit.objects.all():
            urls.append({"location": base + self.reverse_subpage("unit", args=[unit.slug])})
        return urls

    @path("")
    def all_units(self, request):
        return self.render(request, context_overrides=all_units_context(self))

    @path("<slug:unit_slug>/")
    def unit(self, request, unit_slug):
        context = unit_context(self, unit_slug)
        return self.render(request, template="agenda/agenda_unit.html", context_overrides=context)

    @path("<slug:unit_slug>/affiche/<int:year>-<int:month>/", name="poster")
    def poster(self, request, unit_slug, year, month):
        context = poster_context(self, request, unit_slug, year, month)
        return self.render(request, template="agenda/agenda_poster.html", context_overrides=context)


def _unit_or_404(unit_slug):
    unit = ProbationUnit.objects.filter(slug=unit_slug).first()
    if unit is None:
        raise Http404("unknown unit")
    return unit


def _window(page, today):
    return today, today + timedelta(weeks=page.weeks_shown)


def by_month(sessions):
    """[(label "Décembre 2026", [sessions…]), …] in date order."""
    return [
        (month_name(*key), list(group))
        for key, group in groupby(sessions, key=lambda s: (s.date.year, s.date.month))
    ]


def all_units_context(page, today=None):
    """Every unit with its next six sessions."""
    today = today or timezone.localdate()
    first, last = _window(page, today)
    units = list(ProbationUnit.objects.all())
    sessions = Session.objects.between(first, last).not_ended()
    per_unit = {unit.pk: [] for unit in units}
    for session in sessions:
        per_unit.setdefault(session.unit_id, []).append(session)
    return {
        "units": [
            {
                "unit": unit,
                "url": page.url + page.reverse_subpage("unit", args=[unit.slug]),
                "sessions": per_unit[unit.pk][:6],
            }
            for unit in units
        ],
        "until": last,
    }


def unit_context(page, unit_slug, today=None):
    """One unit: its sessions of the coming weeks by month, its calendar file, this month's and next month's posters."""
    today = today or timezone.localdate()
    unit = _unit_or_404(unit_slug)
    first, last = _window(page, today)
    sessions = list(Session.objects.for_unit(unit).between(first, last).not_ended())
    posters = [
        (
            month_name(day.year, day.month),
            page.url + page.reverse_subpage("poster", args=[unit.slug, day.year, day.month]),
        )
        for day in (today, today + relativedelta(months=1))
    ]
    return {
        "unit": unit,
        "months": by_month(sessions),
        "until": last,
        "ics_url": reverse("agenda:unit_ics", args=[unit.slug]),
        "posters": posters,
    }


def poster_context(page, request, unit_slug, year, month):
    """A unit's sessions of one month, on an A4 poster with a QR code of the unit's page."""
    unit = _unit_or_404(unit_slug)
    if not is_calendar_month(year, month):
        raise Http404("no such month")
    sessions = Session.objects.for_unit(unit).in_month(year, month)
    url = page.unit_url(unit, request=request)
    return {
        "unit": unit,
        "month_label": month_name(year, month),
        "sessions": sessions,
        "unit_page_url": url,
        "qr_code": qr_code_data_uri(url),
    }
