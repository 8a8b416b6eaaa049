"""The advisor's day sheet: a session's slots in time order, for the advisor who holds it.

One line a slot: the hour, the booking CPIP, the subject, the papers to bring and a box to tick
("Venu") by hand. Cancelled bookings stay on it, marked so, so that the advisor knows why a
slot freed. It names no person received: a booking holds no one's name.

Only staff who see every booking of a unit (editors, ``is_editor``) open it; a CPIP sees their
own bookings only, elsewhere in the staff area.
"""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from portal.pdf import render_document

from .appointment import papers
from .models import Booking, Session


class Line:
    """One line of the sheet: a free slot, a booking, or a cancelled booking."""

    FREE, BOOKED, CANCELLED = "free", "booked", "cancelled"
    LABELS = {FREE: _("libre"), BOOKED: _("réservé"), CANCELLED: _("annulé")}

    def __init__(self, time, booking=None):
        self.time = time
        self.booking = booking
        if booking is None:
            self.state = self.FREE
        else:
            self.state = self.BOOKED if booking.is_active else self.CANCELLED
        self.label = self.LABELS[self.state]
        self.cpip = booking.cpip_name if booking else ""
        self.subject = booking.subject_label if booking else ""
        self.papers = papers(booking) if booking and booking.is_active else []

    @property
    def is_booked(self):
        return self.state == self.BOOKED


def session_for_sheet(pk):
    """The session with every booking (cancelled ones too) and their CPIP; or None."""
    bookings = Booking.objects.select_related("cpip")
    return (
        Session.objects.filter(pk=pk)
        .select_related("unit")
        .prefetch_related(Prefetch("bookings", queryset=bookings, to_attr="sheet_bookings"))
        .first()
    )


def lines(session):
    """The sheet's lines in time order; at one hour, cancelled bookings before the active one."""
    booked = {booking.slot_start for booking in session.sheet_bookings if booking.is_active}
    found = [Line(booking.slot_start, booking) for booking in session.sheet_bookings]
    if session.is_scheduled:
        found += [Line(time) for time in session.slot_times() if time not in booked]
    order = {Line.CANCELLED: 0, Line.BOOKED: 1, Line.FREE: 2}
    return sorted(
        found, key=lambda line: (line.time, order[line.state], line.booking.pk if line.booking else 0)
    )


def sheet_context(session):
    sheet_lines = lines(session)
    return {
        "session": session,
        "lines": sheet_lines,
        "booked_count": sum(1 for line in sheet_lines if line.is_booked),
    }


def day_sheet_document(session, request=None):
    """The sheet laid out on A4 (a WeasyPrint Document)."""
    html = render_to_string("agenda/staff/day_sheet_pdf.html", sheet_context(session), request=request)
    return render_document(html, request)
