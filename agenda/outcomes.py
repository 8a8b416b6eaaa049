"""Staff pages after the appointment and around it: who came, moving a booking, the figures.

Every view needs a CPIP or an editor (``staff_required``). Editors (the units' advisors) note
the outcome of every booking; a CPIP notes and moves their own bookings.
"""

import csv
from datetime import date, datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.spreadsheet import neutralise
from home.staff import is_editor, staff_required
from portal.formats import hour, long_date

from . import statistics
from .booking import BookingError, may_record_outcome, move, record_outcomes
from .models import LAST_DAY, Outcome, ProbationUnit, Session
from .views import _sessions_with_bookings, _visible_booking

OUTCOME_FIELD = "resultat-"
# The coming sessions offered when moving a booking.
MOVE_SESSIONS = 30


@staff_required
def session_outcomes(request, pk):
    """The bookings of a session, one group of choices each: venu, pas venu, excusé, reporté."""
    session = Session.objects.select_related("unit").filter(pk=pk).first()
    if session is None:
        return render(request, "agenda/staff/session_missing.html", status=404)
    editor = is_editor(request.user)
    now = timezone.now()
    bookings = list(session.bookings.active().select_related("cpip").order_by("slot_start"))
    if request.method == "POST":
        choices = {}
        for booking in bookings:
            name = f"{OUTCOME_FIELD}{booking.pk}"
            if name in request.POST and may_record_outcome(booking, request.user, editor=editor):
                choices[booking.pk] = request.POST[name]
        try:
            changed = record_outcomes(session, choices, user=request.user, editor=editor, now=now)
        except BookingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("C'est noté. Merci.") if changed else _("Rien n'a changé."))
            return redirect("agenda:session_outcomes", session.pk)
    rows = [
        {
            "booking": booking,
            "field": f"{OUTCOME_FIELD}{booking.pk}",
            "editable": may_record_outcome(booking, request.user, editor=editor) and booking.has_started(now),
            "mine": booking.cpip_id == request.user.pk,
        }
        for booking in bookings
    ]
    return render(
        request,
        "agenda/staff/outcomes.html",
        {
            "session": session,
            "rows": rows,
            "choices": [("", _("Pas encore noté")), *Outcome.choices],
            "has_started": session.starts_at() <= now,
            "can_save": any(row["editable"] for row in rows),
            "sees_all": editor,
        },
    )


def _parse_target(request):
    """(session id, slot time) from the move form, or None when either is missing or wrong."""
    raw_session, raw_slot = request.POST.get("permanence", ""), request.POST.get("creneau", "")
    if not (raw_session.isascii() and raw_session.isdigit() and len(raw_session) <= 12):
        return None
    try:
        slot = datetime.strptime(raw_slot, "%H:%M").time()
    except ValueError:
        return None
    return int(raw_session), slot


@staff_required
def booking_move(request, pk):
    """Move one of my bookings: choose a session with free slots, then a slot."""
    booking = _visible_booking(request, pk)
    if booking.cpip_id != request.user.pk or not booking.is_active:
        messages.error(
            request, _("Vous pouvez déplacer seulement vos propres rendez-vous, s'ils ne sont pas annulés.")
        )
        return redirect("agenda:booking", booking.pk)
    now = timezone.now()
    if request.method == "POST":
        target = _parse_target(request)
        if target is None:
            messages.error(request, _("Choisissez une permanence et un créneau de la liste."))
        else:
            try:
                new = move(booking, session_id=target[0], slot_start=target[1], user=request.user, now=now)
            except BookingError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Rendez-vous déplacé : %(day)s à %(hour)s, %(unit)s. L'ancien créneau est libre. "
                        "Imprimez la nouvelle convocation et donnez-la à la personne."
                    )
                    % {
                        "day": long_date(new.session.date),
                        "hour": hour(new.slot_start),
                        "unit": new.session.unit,
                    },
                )
                return redirect("agenda:booking", new.pk)
    chosen = None
    raw = request.GET.get("permanence", "") or request.POST.get("permanence", "")
    if raw.isascii() and raw.isdigit() and len(raw) <= 12:
        chosen = _sessions_with_bookings(Session.objects.filter(pk=int(raw)), request.user).first()
    if chosen is not None:
        free = [
            time
            for time in chosen.free_slot_times(now)
            if (chosen.pk, time) != (booking.session_id, booking.slot_start)
        ]
        return render(
            request,
            "agenda/staff/booking_move.html",
            {"booking": booking, "chosen": chosen, "free_slots": free},
        )
    sessions = _sessions_with_bookings(
        Session.objects.upcoming(timezone.localdate()).scheduled(), request.user
    )
    offered = []
    for session in sessions[: MOVE_SESSIONS * 4]:
        free = [
            time
            for time in session.free_slot_times(now)
            if (session.pk, time) != (booking.session_id, booking.slot_start)
        ]
        if free:
            offered.append((session, len(free)))
        if len(offered) == MOVE_SESSIONS:
            break
    # The booking's own unit first: the person usually stays near it.
    offered.sort(
        key=lambda item: (item[0].unit_id != booking.session.unit_id, item[0].date, item[0].start_time)
    )
    return render(request, "agenda/staff/booking_move.html", {"booking": booking, "offered": offered})


def _statistics_filters(request):
    """(year, unit) from the address; a wrong value falls back to this year, every unit."""
    today = timezone.localdate()
    raw_year = request.GET.get("annee", "")
    year = int(raw_year) if raw_year.isascii() and raw_year.isdigit() and len(raw_year) == 4 else today.year
    if not 2000 <= year <= LAST_DAY.year:
        year = today.year
    raw_unit = request.GET.get("unite", "")
    unit = (
        ProbationUnit.objects.filter(slug=raw_unit).first()
        if raw_unit.isascii() and len(raw_unit) <= 60
        else None
    )
    return year, unit


@staff_required
def statistics_page(request):
    year, unit = _statistics_filters(request)
    rows = statistics.monthly_figures(date(year, 1, 1), date(year, 12, 31), unit)
    query = f"?annee={year}" + (f"&unite={unit.slug}" if unit else "")
    return render(
        request,
        "agenda/staff/statistics.html",
        {
            "year": year,
            "unit": unit,
            "units": ProbationUnit.objects.all(),
            "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
            "rows": rows,
            "columns": list(statistics.COLUMNS.values()),
            "totals": statistics.totals(rows),
            "chart": statistics.chart(rows),
            "csv_url": reverse("agenda:statistics_csv") + query,
        },
    )


@staff_required
def statistics_csv(request):
    year, unit = _statistics_filters(request)
    rows = statistics.monthly_figures(date(year, 1, 1), date(year, 12, 31), unit)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"rendez-vous-{year}" + (f"-{unit.slug}" if unit else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # spreadsheets read the accents right
    writer = csv.writer(response, lineterminator="\r\n")
    writer.writerow([_("Unité"), _("Mois"), *(str(title) for title in statistics.COLUMNS.values())])
    for row in rows:
        writer.writerow([neutralise(row.unit.name), f"{row.month:%Y-%m}", *row.values()])
    return response
