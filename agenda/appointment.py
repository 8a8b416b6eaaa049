"""One appointment as the person carries it: an iCalendar event for their phone, and who to call.

The event travels inside a QR code printed on the letter and on the appointment card: a phone's
camera reads it and adds it to the phone's calendar. Nothing reaches the server, so the portal
never learns whose phone it is. It is written to be read over a shoulder or on a locked screen:

- ``SUMMARY`` is neutral ("Rendez-vous France services"), ``LOCATION`` is the postal address only
  (not the unit's name, which says "SPIP"), ``DESCRIPTION`` says what to bring and who to call to
  move the appointment. No name, and no word about justice or probation anywhere in the event.
- Times are in Europe/Paris, with a VTIMEZONE for the event's year only (it keeps the QR small).
- Two ``VALARM`` (DISPLAY): the day before and two hours before.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from icalendar import Alarm, Calendar, Event

from portal.formats import hour, long_date
from portal.pdf import qr_code_data_uri, template_pdf

from .ical import UID_DOMAIN, place_lines

SUMMARY = "Rendez-vous France services"
REMINDERS = (timedelta(days=-1), timedelta(hours=-2))
# A QR code of more than this many bytes gets too dense for a credit-card-sized print.
MAX_PAYLOAD_BYTES = 1100


def contact_phone(booking):
    """The number to call to move the appointment: the unit's, when editors entered it.

    CPIP accounts hold no phone number, and the portal never holds the person's: without the
    unit's number, the letter says to tell the CPIP.
    """
    return booking.session.unit.phone.strip()


def papers(booking):
    """The papers to bring, in order, without repeats, from the sheets chosen with the booking."""
    seen = []
    for _sheet, documents in booking.sheets_to_bring():
        seen += [document for document in documents if document not in seen]
    return seen


def _description(booking, documents):
    lines = [_("Rendez-vous avec un conseiller France services. C'est gratuit.")]
    bring = [_("votre convocation")] + documents
    lines.append(_("À apporter : %(papers)s.") % {"papers": ", ".join(bring)})
    phone = contact_phone(booking)
    if phone:
        lines.append(_("Pour changer le rendez-vous, appelez le %(phone)s.") % {"phone": phone})
    else:
        lines.append(_("Pour changer le rendez-vous, prévenez la personne qui vous a donné la lettre."))
    return "\n".join(lines)


def _event(booking, documents):
    session = booking.session
    starts, ends = booking.starts_at(), booking.ends_at()
    event = Event()
    event.add("uid", f"rdv-{booking.pk}@{UID_DOMAIN}")
    # The booking's last change, not "now": the same booking always gives the same code.
    event.add("dtstamp", booking.updated_at.replace(microsecond=0))
    event.start = starts
    event.end = ends
    event.add("summary", SUMMARY)
    event.add("location", ", ".join(place_lines(session.unit)))
    event.add("description", _description(booking, documents))
    for trigger, text in zip(
        REMINDERS,
        (
            _("Demain à %(hour)s : %(summary)s") % {"hour": hour(booking.slot_start), "summary": SUMMARY},
            _("Dans 2 heures : %(summary)s") % {"summary": SUMMARY},
        ),
        strict=True,
    ):
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", trigger)
        alarm.add("description", text)
        event.add_component(alarm)
    return event


def _payload(booking, documents):
    calendar = Calendar()
    calendar.add("prodid", "-//France services Seine-et-Marne//Rendez-vous//FR")
    calendar.add("version", "2.0")
    calendar.add_component(_event(booking, documents))
    day = booking.session.date
    calendar.add_missing_timezones(first_date=day - timedelta(days=1), last_date=day + timedelta(days=1))
    for zone in calendar.walk("VTIMEZONE"):
        zone.pop("COMMENT", None)  # a note for people, bytes the QR code does without
    return calendar.to_ical()


def appointment_ical(booking):
    """The whole VCALENDAR text of one booking, as bytes: the QR code's payload.

    A long list of papers is cut (the letter gives them all) so that the code stays readable.
    """
    documents = papers(booking)
    payload = _payload(booking, documents)
    kept = len(documents)
    while len(payload) > MAX_PAYLOAD_BYTES and kept > 0:
        kept -= 1
        payload = _payload(booking, [*documents[:kept], _("les autres papiers de la lettre")])
    return payload


def event_qr_code(booking):
    """The QR code of the appointment's event (the whole VCALENDAR text), as a ``data:`` URI."""
    return qr_code_data_uri(appointment_ical(booking).decode())


def card_pdf(booking, request=None):
    """The appointment card: 85.6 × 54 mm (a bank card) inside a dashed cut line, on an A4 page.

    Date, hour, address, the number to call and the event's QR code; no name, no word of justice.
    """
    context = {
        "date": long_date(booking.session.date),
        "hour": hour(booking.slot_start),
        "place": place_lines(booking.session.unit),
        "phone": contact_phone(booking),
        "qr_code": event_qr_code(booking),
        "summary": SUMMARY,
    }
    return template_pdf("agenda/staff/card.html", context, request)
