"""What the public calendar pages show: coming sessions per unit, the month poster, the .ics feed."""

from datetime import timedelta
from itertools import groupby

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

from dateutil.relativedelta import relativedelta

from portal.formats import month_name
from portal.pdf import qr_code_data_uri

from .ical import unit_calendar
from .models import FIRST_DAY, LAST_DAY, ProbationUnit, Session

# The .ics feed keeps recent sessions for a while, so that a cancellation still reaches calendars.
FEED_DAYS_BEFORE = 30


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
    today = today or timezone.localdate()
    first, last = _window(page, today)
    units = list(ProbationUnit.objects.all())
    sessions = Session.objects.between(first, last)
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
    today = today or timezone.localdate()
    unit = _unit_or_404(unit_slug)
    first, last = _window(page, today)
    sessions = list(Session.objects.for_unit(unit).between(first, last))
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
    unit = _unit_or_404(unit_slug)
    if not 1 <= month <= 12 or not FIRST_DAY.year <= year <= LAST_DAY.year:
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


def unit_ics_response(request, unit_slug, today=None):
    today = today or timezone.localdate()
    unit = _unit_or_404(unit_slug)
    url = unit.public_url(request=request)
    sessions = (
        Session.objects.for_unit(unit)
        .held_or_cancelled()
        .filter(date__gte=today - timedelta(days=FEED_DAYS_BEFORE))
        .order_by("date", "start_time")
    )
    body = unit_calendar(unit, sessions, url=url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="france-services-{unit.slug}.ics"'
    response["Cache-Control"] = "public, max-age=900"
    return response
