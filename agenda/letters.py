"""The invitation letter a CPIP prints for the person they follow, drawn by ``portal.pdf``.

The person's name only passes through this module on its way into the PDF:
it is not saved, cached, logged or put in a message.
"""

from django.template.loader import render_to_string

from portal.pdf import qr_code_data_uri, render_document

from .models import AgendaPage


def invitation_context(booking, name, request=None):
    session = booking.session
    unit = session.unit
    unit_url = AgendaPage.public_unit_url(unit, request=request)
    return {
        "name": name,
        "booking": booking,
        "session": session,
        "unit": unit,
        "unit_url": unit_url,
        "qr_code": qr_code_data_uri(unit_url) if unit_url else "",
        "documents": documents_to_bring(booking),
    }


def documents_to_bring(booking):
    """[(sheet title, [documents…]), …] from the published sheets chosen with the booking."""
    return [(sheet.title, documents) for sheet, documents in booking.sheets_to_bring() if documents]


def invitation_html(booking, name, request=None):
    return render_to_string("agenda/staff/letter.html", invitation_context(booking, name, request))


def invitation_document(booking, name, request=None):
    """The laid-out letter (a WeasyPrint Document): its ``pages`` can be counted."""
    return render_document(invitation_html(booking, name, request), request)


def invitation_pdf(booking, name, request=None):
    return invitation_document(booking, name, request).write_pdf()
