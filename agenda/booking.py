"""Booking, moving and cancelling appointment slots, safely when several CPIPs act at once."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Booking, Outcome, Session


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
        taken = _check_free(session, slot_start, now)
        return _create(session, slot_start, taken, now, cpip=cpip, subject=subject, sheets=sheets)


def _check_free(session, slot_start, now):
    """Refuse a slot that cannot be booked; return the session's taken slot times."""
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
    return taken


def _create(session, slot_start, taken, now, *, cpip, subject, sheets):
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
        # Only the booking's row: a move holding the session then asking for the booking never waits on us.
        booking = Booking.objects.select_for_update(of=("self",)).select_related("session").get(pk=booking.pk)
        if booking.cpip_id != user.pk:
            raise BookingError(_("Vous pouvez annuler seulement vos propres rendez-vous."))
        if not booking.is_active:
            raise BookingError(_("Ce rendez-vous est déjà annulé."))
        if booking.starts_at() <= now:
            raise BookingError(_("Ce rendez-vous est passé : il ne peut plus être annulé."))
        booking.cancelled_at = now
        booking.save(update_fields=["cancelled_at", "updated_at"])
    return booking


def move(booking, *, session_id, slot_start, user, now=None):
    """Move a booking of ``user`` to a free slot (same session or another one); return the new booking.

    The old booking is cancelled, so its slot is free at once, and marked "reporté": the
    statistics count the move. It points to the new booking, which keeps the CPIP, the subject
    and the sheets. Both sessions are locked (in the order of their ids, so that two moves
    never wait for each other), then the booking: capacity holds when CPIPs act at once.
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = Booking.objects.filter(pk=booking.pk).values_list("session_id", flat=True).first()
        if current is None:
            raise BookingError(_("Ce rendez-vous n'existe plus."))
        sessions = {
            session.pk: session
            for session in Session.objects.select_for_update(of=("self",))
            .select_related("unit")
            .filter(pk__in={current, session_id})
            .order_by("pk")
        }
        old = Booking.objects.select_for_update(of=("self",)).select_related("session").get(pk=booking.pk)
        if old.cpip_id != user.pk:
            raise BookingError(_("Vous pouvez déplacer seulement vos propres rendez-vous."))
        if not old.is_active:
            raise BookingError(_("Ce rendez-vous est annulé : il ne peut plus être déplacé."))
        if old.starts_at() <= now:
            raise BookingError(_("Ce rendez-vous est passé : il ne peut plus être déplacé."))
        if old.session_id == session_id and old.slot_start == slot_start:
            raise BookingError(_("Le rendez-vous est déjà à cette heure. Choisissez un autre créneau."))
        session = sessions.get(session_id)
        taken = _check_free(session, slot_start, now)
        # Free the old slot first: moving within one session may take a neighbour slot.
        old.cancelled_at = now
        old.outcome = Outcome.MOVED
        old.save(update_fields=["cancelled_at", "outcome", "updated_at"])
        new = _create(
            session, slot_start, taken, now, cpip=old.cpip, subject=old.subject, sheets=list(old.sheets.all())
        )
        old.moved_to = new
        old.save(update_fields=["moved_to", "updated_at"])
    return new


class OutcomeError(BookingError):
    """An outcome that cannot be noted."""


def may_record_outcome(booking, user, *, editor):
    """Editors (the units' advisors) note every booking's outcome; a CPIP notes their own."""
    return editor or booking.cpip_id == user.pk


def record_outcomes(session, choices, *, user, editor, now=None):
    """Note the outcome of bookings of ``session``: ``choices`` maps booking ids to an Outcome or "".

    All or nothing: an unknown value, a booking not of this session, someone else's booking or
    an appointment still to come changes nothing and raises OutcomeError. Returns the number of
    bookings whose outcome changed.
    """
    now = now or timezone.now()
    valid = {"", *Outcome.values}
    if any(value not in valid for value in choices.values()):
        raise OutcomeError(_("Choisissez une réponse de la liste pour chaque rendez-vous."))
    with transaction.atomic():
        bookings = {
            booking.pk: booking
            for booking in Booking.objects.select_for_update(of=("self",))
            .select_related("session")
            .filter(session=session, cancelled_at__isnull=True)
        }
        if any(pk not in bookings for pk in choices):
            raise OutcomeError(
                _("Un de ces rendez-vous n'est plus dans cette permanence. Rechargez la page.")
            )
        changed = []
        for pk, value in choices.items():
            booking = bookings[pk]
            if booking.outcome == value:
                continue
            if not may_record_outcome(booking, user, editor=editor):
                raise OutcomeError(_("Vous pouvez noter seulement vos propres rendez-vous."))
            if not booking.has_started(now):
                raise OutcomeError(
                    _(
                        "Ce rendez-vous n'a pas encore eu lieu : notez s'il est venu après l'heure du rendez-vous."
                    )
                )
            booking.outcome = value
            booking.updated_at = now
            changed.append(booking)
        if changed:
            Booking.objects.bulk_update(changed, ["outcome", "updated_at"])
    return len(changed)
