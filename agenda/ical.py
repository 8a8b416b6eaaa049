"""iCalendar files: the public calendar of a unit, and a CPIP's private calendar of bookings.

Times are written in Europe/Paris with its VTIMEZONE, so that clocks changing
in March and October never move a session. UIDs only depend on the row's id.
"""

from datetime import timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

from portal.formats import hour

UID_DOMAIN = "agenda.france-services-77"
# Past events stay a while in a feed, so that calendars keep them: a cancellation still reaches
# the public's calendars (a unit's feed), and a CPIP keeps the recent appointments (private feed).
UNIT_FEED_DAYS_BEFORE = 30
PRIVATE_FEED_DAYS_BEFORE = 60


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//France services Seine-et-Marne//Agenda//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    return calendar


def place_lines(unit):
    """The unit's postal address as lines, without its name ("SPIP – …")."""
    return unit.address_lines or [f"{unit.postcode} {unit.commune}"]


def _place(unit):
    return f"{unit.name}, " + ", ".join(place_lines(unit))


def _finish(calendar, moments):
    if moments:
        calendar.add_missing_timezones(
            first_date=min(moments).date() - timedelta(days=366),
            last_date=max(moments).date() + timedelta(days=366),
        )
    return calendar.to_ical()


def ics_response(body, filename):
    """An .ics file that calendar programs open or subscribe to."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def unit_calendar(unit, sessions, url=""):
    """The public .ics of a unit: its sessions, cancelled ones marked so. No staff names."""
    calendar = _calendar(_("France services – %(unit)s") % {"unit": unit.name})
    stamp = timezone.now()
    moments = []
    for session in sessions:
        event = Event()
        event.add("uid", f"session-{session.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("last-modified", session.updated_at)
        event.start = session.starts_at()
        event.end = session.ends_at()
        moments += [event.start, event.end]
        summary = _("France services (sur invitation de votre CPIP)")
        description = _("Sur invitation de votre CPIP uniquement.")
        if session.is_cancelled:
            summary = _("Annulée : %(summary)s") % {"summary": summary}
            description = _("Permanence annulée : %(reason)s") % {"reason": session.reason}
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
        event.add("summary", summary)
        event.add("description", description)
        event.add("location", _place(unit))
        event.add("transp", "OPAQUE")
        if url:
            event.add("url", url)
        calendar.add_component(event)
    return _finish(calendar, moments)


def bookings_calendar(bookings):
    """A CPIP's private .ics: one event per booking, with the subject only (never the person)."""
    calendar = _calendar(_("Mes rendez-vous France services"))
    stamp = timezone.now()
    moments = []
    for booking in bookings:
        session = booking.session
        event = Event()
        event.add("uid", f"booking-{booking.pk}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("last-modified", max(booking.updated_at, session.updated_at))
        event.start = booking.starts_at()
        event.end = booking.ends_at()
        moments += [event.start, event.end]
        subject = booking.get_subject_display()
        summary = _("Rendez-vous France services : %(subject)s") % {"subject": subject}
        cancelled = not booking.is_active or not session.is_scheduled
        if cancelled:
            summary = _("Annulé : %(summary)s") % {"summary": summary}
            event.add("status", "CANCELLED")
        else:
            event.add("status", "CONFIRMED")
        event.add("summary", summary)
        description = _("Créneau de %(hour)s, %(unit)s. Sujet : %(subject)s.") % {
            "hour": hour(booking.slot_start),
            "unit": session.unit.name,
            "subject": subject,
        }
        if session.is_cancelled:
            description += " " + _("Permanence annulée : %(reason)s") % {"reason": session.reason}
        event.add("description", description)
        event.add("location", _place(session.unit))
        calendar.add_component(event)
    return _finish(calendar, moments)
