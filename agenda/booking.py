"""Booking and cancelling appointment slots, safely when several CPIPs act at once."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Booking, Session


class BookingError(Exception):
    """A booking or a cancellation that cannot be done, with the French sentence that says why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def book(*, session_id, slot_start, cpip, subject, sheets=(), now=None):
    """Book the slot ``slot_start`` of a session for ``cpip`` and return the Booking.

    The session row is locked while we check and write, and the database
    refuses a second active booking of the same slot: when two CPIPs ask for
    the last free slot at the same moment, exactly one gets it.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("unit").filter(pk=session_id).first()
        if session is None:
            raise BookingError(_("Cette permanence n'existe pas ou plus. Choisissez une autre date."))
        if session.is_holiday:
            raise BookingError(_("Ce jour est un jour férié : il n'y a pas de permanence."))
        if session.is_cancelled:
            raise BookingError(
                _("Cette permanence est annulée (%(reason)s). Choisissez une autre date.")
                % {"reason": session.reason}
            )
        if slot_start not in session.slot_times():
            raise BookingError(
                _("Cette heure n'est pas un créneau de la permanence. Choisissez un créneau de la liste.")
            )
        if session.slot_starts_at(slot_start) <= now:
            raise BookingError(_("Ce créneau est déjà passé. Choisissez un créneau à venir."))
        taken = set(session.bookings.active().values_list("slot_start", flat=True))
        if slot_start in taken:
            raise _taken_error(session, taken, now)
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    session=session, slot_start=slot_start, cpip=cpip, subject=subject
                )
                booking.sheets.set(sheets)
                return booking
        except IntegrityError:
            # Another CPIP took the slot between our check and our write.
            raise _taken_error(session, taken | {slot_start}, now) from None


def _taken_error(session, taken, now):
    free = [time for time in session.slot_times() if time not in taken and session.slot_starts_at(time) > now]
    if not free:
        return BookingError(_("Cette permanence est complète. Choisissez une autre date."))
    return BookingError(_("Ce créneau vient d'être pris. Choisissez un autre créneau."))


def cancel(booking, *, user, now=None):
    """Cancel a booking of ``user``; the slot is free again for everyone."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = Booking.objects.select_for_update().select_related("session").get(pk=booking.pk)
        if booking.cpip_id != user.pk:
            raise BookingError(_("Vous pouvez annuler seulement vos propres rendez-vous."))
        if not booking.is_active:
            raise BookingError(_("Ce rendez-vous est déjà annulé."))
        if booking.starts_at() <= now:
            raise BookingError(_("Ce rendez-vous est passé : il ne peut plus être annulé."))
        booking.cancelled_at = now
        booking.save(update_fields=["cancelled_at", "updated_at"])
    return booking
