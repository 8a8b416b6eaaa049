"""The sessions a recurrence rule becomes: generated, updated and removed without undoing edits.

The rule's dates and public holidays come from ``SessionRule.occurrences()`` (``portal.calendar``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Booking, Session

SYNCED_FIELDS = ["unit", "date", "start_time", "end_time", "slot_minutes", "holder", "status", "reason"]


class SyncReport:
    """What regenerating a rule did, in numbers an editor understands."""

    def __init__(self):
        self.created = self.updated = self.deleted = self.unchanged = 0
        self.kept_edited = self.kept_booked = 0

    def as_message(self):
        text = _("%(created)s dates ajoutées, %(updated)s mises à jour, %(deleted)s retirées.") % {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
        }
        if self.kept_edited:
            text += " " + _("%(n)s dates modifiées à la main n'ont pas changé.") % {"n": self.kept_edited}
        if self.kept_booked:
            text += " " + _(
                "%(n)s dates avec des rendez-vous n'ont pas changé : modifiez-les une par une si besoin."
            ) % {"n": self.kept_booked}
        return text


@transaction.atomic
def sync_sessions(rule, today=None):
    """Make the rule's sessions from ``today`` on match its dates.

    Past sessions never change. A session edited by hand (cancelled, moved…)
    or holding active bookings is left as it is.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    report = SyncReport()
    to_create, to_update = [], []
    # Lock the coming sessions: a CPIP booking one of them waits until the rule is applied.
    existing = {
        session.rule_date: session
        for session in rule.sessions.filter(rule_date__gte=today).select_for_update()
    }
    booked = set(
        Booking.objects.active()
        .filter(session__in=list(existing.values()))
        .values_list("session_id", flat=True)
    )
    for day, holiday in rule.occurrences():
        if day < today:
            continue
        wanted = {
            "unit_id": rule.unit_id,
            "date": day,
            "start_time": rule.start_time,
            "end_time": rule.end_time,
            "slot_minutes": rule.slot_minutes,
            "holder": rule.holder,
            "status": Session.Status.HOLIDAY if holiday else Session.Status.SCHEDULED,
            "reason": holiday or "",
        }
        session = existing.pop(day, None)
        if session is None:
            to_create.append(Session(rule=rule, rule_date=day, **wanted))
            continue
        changed = {name: value for name, value in wanted.items() if getattr(session, name) != value}
        if not changed:
            report.unchanged += 1
        elif session.edited:
            report.kept_edited += 1
        elif session.pk in booked:
            report.kept_booked += 1
        else:
            for name, value in changed.items():
                setattr(session, name, value)
            session.updated_at = now
            to_update.append(session)
    to_delete = []
    for session in existing.values():
        if session.edited:
            report.kept_edited += 1
        elif session.pk in booked:
            report.kept_booked += 1
        else:
            to_delete.append(session.pk)
    Session.objects.bulk_create(to_create)
    Session.objects.bulk_update(to_update, [*SYNCED_FIELDS, "updated_at"])
    Session.objects.filter(pk__in=to_delete).delete()
    report.created, report.updated, report.deleted = len(to_create), len(to_update), len(to_delete)
    return report


def remove_future_sessions(rule, today=None):
    """Before a rule is deleted: remove its coming sessions, except edited or booked ones."""
    today = today or timezone.localdate()
    booked = Booking.objects.active().values("session_id")
    sessions = rule.sessions.filter(rule_date__gte=today, edited=False).exclude(pk__in=booked)
    _total, per_model = sessions.delete()
    return per_model.get("agenda.Session", 0)
