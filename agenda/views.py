"""The staff area of the calendar: sessions and slots, bookings, invitation letters, private feed.

Every view here needs a CPIP or an editor (``staff_required``), except the
private feed, which calendar programs fetch with the secret in its address.
"""

import calendar
from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from dateutil.relativedelta import relativedelta

from home.staff import is_editor, is_staff_member, staff_required
from portal.formats import hour, long_date, month_name
from portal.pdf import pdf_response

from . import day_sheet, letters
from .appointment import card_pdf
from .booking import BookingError, book, cancel
from .feedcache import bookings_state, cached_feed
from .forms import BookingForm, InvitationLetterForm
from .ical import (
    PRIVATE_FEED_DAYS_BEFORE,
    UNIT_FEED_DAYS_BEFORE,
    bookings_calendar,
    ics_response,
    unit_calendar,
)
from .models import (
    FIRST_DAY,
    LAST_DAY,
    AgendaPage,
    Booking,
    CalendarFeedToken,
    ProbationUnit,
    Session,
    is_calendar_month,
)


def _sessions_with_bookings(queryset, user):
    bookings = (
        Booking.objects.active().select_related("cpip") if is_editor(user) else Booking.objects.active()
    )
    return queryset.select_related("unit").prefetch_related(Prefetch("bookings", queryset=bookings))


def _with_slots(session, now, user):
    """Attach the slots and their counts the staff templates show."""
    session.slot_list = session.slots(now, user)
    free = sum(1 for slot in session.slot_list if slot.is_free) if session.is_scheduled else 0
    session.free_count = free
    session.free_short = ngettext("%(free)s libre", "%(free)s libres", free) % {"free": free}
    session.free_label = ngettext(
        "%(free)s créneau libre sur %(total)s", "%(free)s créneaux libres sur %(total)s", free
    ) % {"free": free, "total": session.capacity}
    return session


def _unit(unit_slug):
    return get_object_or_404(ProbationUnit, slug=unit_slug) if unit_slug else None


def unit_ics(request, unit_slug):
    """Public: a unit's sessions as an .ics file (no staff names), kept until the calendar changes."""
    since = timezone.localdate() - timedelta(days=UNIT_FEED_DAYS_BEFORE)

    def build():
        unit = get_object_or_404(ProbationUnit, slug=unit_slug)
        sessions = (
            Session.objects.for_unit(unit)
            .held_or_cancelled()
            .filter(date__gte=since)
            .order_by("date", "start_time")
        )
        return unit_calendar(unit, sessions, url=AgendaPage.public_unit_url(unit, request=request))

    # An unknown unit raises 404 in build(): only existing units' feeds are kept.
    body = cached_feed(build, "unit", unit_slug, request.get_host(), since)
    response = ics_response(body, f"france-services-{unit_slug}.ics")
    response["Cache-Control"] = "public, max-age=900"
    return response


@staff_required
def index(request):
    today = timezone.localdate()
    return render(
        request,
        "agenda/staff/index.html",
        {
            "units": ProbationUnit.objects.all(),
            "today": today,
            "my_bookings": Booking.objects.active()
            .for_cpip(request.user)
            .upcoming(today)
            .select_related("session__unit")[:5],
        },
    )


@staff_required
def month(request, year, month, unit_slug=None):
    """One month, as a calendar grid then day by day, with free and booked slots."""
    if not is_calendar_month(year, month):
        raise Http404("no such month")
    unit = _unit(unit_slug)
    sessions = Session.objects.in_month(year, month)
    if unit:
        sessions = sessions.for_unit(unit)
    sessions = list(_sessions_with_bookings(sessions, request.user))
    now = timezone.now()
    per_day = {}
    for session in sessions:
        _with_slots(session, now, request.user)
        per_day.setdefault(session.date, []).append(session)
    weeks = [
        [{"date": day, "in_month": day.month == month, "sessions": per_day.get(day, [])} for day in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    first = date(year, month, 1)
    previous, following = first - relativedelta(months=1), first + relativedelta(months=1)
    return render(
        request,
        "agenda/staff/month.html",
        {
            "unit": unit,
            "units": ProbationUnit.objects.all(),
            "month_label": month_name(year, month),
            "weeks": weeks,
            "days": sorted(per_day.items()),
            "previous": _month_url(previous, unit) if previous >= FIRST_DAY else None,
            "following": _month_url(following, unit) if following <= LAST_DAY else None,
            "list_url": reverse("agenda:unit_list", args=[unit.slug]) if unit else reverse("agenda:list"),
            "sees_all": is_editor(request.user),
            "today": timezone.localdate(),
        },
    )


def _month_url(day, unit):
    if unit:
        return reverse("agenda:unit_month", args=[unit.slug, day.year, day.month])
    return reverse("agenda:month", args=[day.year, day.month])


@staff_required
def current_month(request, unit_slug=None):
    today = timezone.localdate()
    return redirect(_month_url(today, _unit(unit_slug)))


@staff_required
def session_list(request, unit_slug=None):
    """The coming sessions, 20 a page, with their free and booked slots."""
    unit = _unit(unit_slug)
    today = timezone.localdate()
    sessions = Session.objects.upcoming(today)
    if unit:
        sessions = sessions.for_unit(unit)
    page = Paginator(_sessions_with_bookings(sessions, request.user), 20).get_page(request.GET.get("page"))
    now = timezone.now()
    for session in page:
        _with_slots(session, now, request.user)
    return render(
        request,
        "agenda/staff/list.html",
        {
            "unit": unit,
            "units": ProbationUnit.objects.all(),
            "page_obj": page,
            "month_url": _month_url(today, unit),
            "sees_all": is_editor(request.user),
        },
    )


@staff_required
def session_detail(request, pk):
    """A session's slots, and the form to book one of them."""
    session = _sessions_with_bookings(Session.objects.filter(pk=pk), request.user).first()
    if session is None:
        return render(request, "agenda/staff/session_missing.html", status=404)
    form = BookingForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            booking = book(
                session_id=session.pk,
                slot_start=form.cleaned_data["slot"],
                cpip=request.user,
                subject=form.cleaned_data["subject"],
                sheets=form.cleaned_data["sheets"],
            )
        except BookingError as error:
            form.add_error(None, error.message)
            session = _sessions_with_bookings(Session.objects.filter(pk=pk), request.user).first()
            if session is None:
                return render(request, "agenda/staff/session_missing.html", status=404)
        else:
            messages.success(
                request,
                _("Rendez-vous réservé : %(day)s à %(hour)s, %(unit)s. Imprimez maintenant la convocation.")
                % {
                    "day": long_date(session.date),
                    "hour": hour(booking.slot_start),
                    "unit": session.unit,
                },
            )
            return redirect("agenda:booking", booking.pk)
    now = timezone.now()
    return render(
        request,
        "agenda/staff/session.html",
        {
            "session": session,
            "slots": session.slots(now, request.user),
            "free_slots": session.free_slot_times(now),
            "form": form,
            "sees_all": is_editor(request.user),
        },
    )


@staff_required
def booking_list(request):
    today = timezone.localdate()
    bookings = (
        Booking.objects.active()
        .visible_to(request.user)
        .upcoming(today)
        .select_related("session__unit", "cpip")
    )
    page = Paginator(bookings, 30).get_page(request.GET.get("page"))
    return render(
        request, "agenda/staff/bookings.html", {"page_obj": page, "sees_all": is_editor(request.user)}
    )


def _visible_booking(request, pk):
    return get_object_or_404(
        Booking.objects.visible_to(request.user).select_related("session__unit", "cpip"), pk=pk
    )


@staff_required
def booking_detail(request, pk):
    booking = _visible_booking(request, pk)
    return render(
        request,
        "agenda/staff/booking.html",
        {
            "booking": booking,
            "letter_form": InvitationLetterForm(),
            "is_owner": booking.cpip_id == request.user.pk,
        },
    )


@staff_required
def booking_cancel(request, pk):
    booking = _visible_booking(request, pk)
    if request.method == "POST":
        try:
            cancel(booking, user=request.user)
        except BookingError as error:
            messages.error(request, error.message)
            return redirect("agenda:booking", booking.pk)
        messages.success(request, _("Le rendez-vous est annulé. Le créneau est de nouveau libre."))
        return redirect("agenda:bookings")
    return render(request, "agenda/staff/booking_cancel.html", {"booking": booking})


@never_cache
@staff_required
def invitation_letter(request, pk):
    """The invitation letter as a PDF. The name and address typed in the form are printed, never kept."""
    booking = _visible_booking(request, pk)
    form = InvitationLetterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pdf = letters.invitation_pdf(
            booking, form.cleaned_data["name"], request=request, address=form.cleaned_data["address"]
        )
        return pdf_response(pdf, f"convocation-{booking.session.date:%Y-%m-%d}.pdf", private=True)
    return render(request, "agenda/staff/letter_form.html", {"booking": booking, "letter_form": form})


def _sheet_session(request, pk):
    """The session of a day sheet, for staff who see every booking (editors): else 403, or 404."""
    if not is_editor(request.user):
        raise PermissionDenied
    session = day_sheet.session_for_sheet(pk)
    if session is None:
        raise Http404("no such session")
    return session


@staff_required
def day_sheet_view(request, pk):
    """The advisor's day sheet of a session, on the screen."""
    session = _sheet_session(request, pk)
    return render(request, "agenda/staff/day_sheet.html", day_sheet.sheet_context(session))


@never_cache
@staff_required
def day_sheet_pdf(request, pk):
    """The same sheet on one A4 page."""
    session = _sheet_session(request, pk)
    pdf = day_sheet.day_sheet_document(session, request).write_pdf()
    return pdf_response(pdf, f"feuille-du-jour-{session.unit.slug}-{session.date:%Y-%m-%d}.pdf", private=True)


@never_cache
@staff_required
def appointment_card(request, pk):
    """The credit-card-sized appointment card (date, time, place, the event's QR code): no name."""
    booking = _visible_booking(request, pk)
    if not booking.is_active:
        raise Http404("cancelled booking")
    return pdf_response(
        card_pdf(booking, request), f"carte-rendez-vous-{booking.session.date:%Y-%m-%d}.pdf", private=True
    )


@staff_required
def feed_settings(request):
    """Where a CPIP finds, creates or renews the secret address of their calendar."""
    if request.method == "POST":
        had_one = CalendarFeedToken.objects.filter(user=request.user).exists()
        CalendarFeedToken.renew(request.user)
        if had_one:
            messages.success(
                request, _("Nouvelle adresse secrète créée. L'ancienne adresse ne fonctionne plus.")
            )
        else:
            messages.success(request, _("Votre adresse secrète est créée."))
        return redirect("agenda:feed_settings")
    feed = CalendarFeedToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("agenda:private_feed", args=[feed.token])) if feed else ""
    return render(request, "agenda/staff/feed.html", {"feed": feed, "feed_url": url})


@never_cache
def private_feed(request, token):
    """A CPIP's bookings as an .ics, at a secret address. Subjects only: nothing about the persons."""
    feed = CalendarFeedToken.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active or not is_staff_member(feed.user):
        raise Http404("unknown feed")
    since = timezone.localdate() - timedelta(days=PRIVATE_FEED_DAYS_BEFORE)
    bookings = Booking.objects.for_cpip(feed.user).since(since).select_related("session__unit")
    body = cached_feed(lambda: bookings_calendar(bookings), "private", bookings_state(feed.user), since)
    response = ics_response(body, "mes-rendez-vous.ics")
    response["X-Robots-Tag"] = "noindex"
    return response
