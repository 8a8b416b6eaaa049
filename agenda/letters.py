"""The invitation letter a CPIP prints for the person they follow, drawn by ``portal.pdf``.

The person's name only passes through this module on its way into the PDF:
it is not saved, cached, logged or put in a message.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from portal.formats import long_date
from portal.pdf import render_document

from .appointment import contact_phone, event_qr_code
from .models import AgendaPage


def invitation_context(booking, name, request=None, address=()):
    """``name`` and ``address`` (lines) are printed in the envelope's window, never kept."""
    session = booking.session
    unit = session.unit
    return {
        "name": name,
        "today": long_date(timezone.localdate(), weekday=False),
        "address": list(address),
        "booking": booking,
        "session": session,
        "unit": unit,
        "unit_url": AgendaPage.public_unit_url(unit, request=request),
        "qr_code": event_qr_code(booking),
        "contact_phone": contact_phone(booking),
        "documents": documents_to_bring(booking),
    }


def documents_to_bring(booking):
    """[(sheet title, [documents…]), …] from the published sheets chosen with the booking."""
    return [(sheet.title, documents) for sheet, documents in booking.sheets_to_bring() if documents]


def invitation_html(booking, name, request=None, address=()):
    return render_to_string("agenda/staff/letter.html", invitation_context(booking, name, request, address))


def invitation_document(booking, name, request=None, address=()):
    """The laid-out letter (a WeasyPrint Document): its ``pages`` can be counted."""
    return render_document(invitation_html(booking, name, request, address), request)


def invitation_pdf(booking, name, request=None, address=()):
    return invitation_document(booking, name, request, address).write_pdf()
