"""Bookings of appointment slots by CPIPs, and the secret address of a CPIP's calendar."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.staff import is_editor
from portal.formats import hour

from .choices import Outcome, Subject
from .session import Session


class BookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(cancelled_at__isnull=True)

    def cancelled(self):
        return self.filter(cancelled_at__isnull=False)

    def for_cpip(self, user):
        return self.filter(cpip=user)

    def visible_to(self, user):
        """Editors see every booking; a CPIP sees their own."""
        return self if is_editor(user) else self.filter(cpip=user)

    def upcoming(self, today=None):
        return self.filter(session__date__gte=today or timezone.localdate()).order_by(
            "session__date", "slot_start"
        )

    def since(self, day):
        return self.filter(session__date__gte=day).order_by("session__date", "slot_start")


class Booking(models.Model):
    """One slot of a session booked by a CPIP for a person they follow.

    On purpose there is no field for the person: no name, no number, no free
    text. Only the slot, the CPIP, the subject and the sheets whose papers the
    person should bring.
    """

    session = models.ForeignKey(
        Session, verbose_name=_("permanence"), on_delete=models.CASCADE, related_name="bookings"
    )
    slot_start = models.TimeField(_("heure du rendez-vous"))
    cpip = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("CPIP"),
        on_delete=models.CASCADE,
        related_name="agenda_bookings",
    )
    subject = models.CharField(_("sujet"), max_length=10, choices=Subject.choices)
    sheets = models.ManyToManyField(
        "guides.ProcedureSheetPage",
        verbose_name=_("fiches : papiers à apporter"),
        blank=True,
        related_name="agenda_bookings",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    outcome = models.CharField(
        _("la personne est-elle venue ?"), max_length=10, choices=Outcome.choices, blank=True, default=""
    )
    # A booking moved to another slot is cancelled, marked "reporté", and points to its new booking.
    moved_to = models.ForeignKey(
        "self",
        verbose_name=_("déplacé vers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moved_from",
        editable=False,
    )

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["session__date", "slot_start"]
        verbose_name = _("rendez-vous")
        verbose_name_plural = _("rendez-vous")
        constraints = [
            # Two CPIPs cannot hold the same slot: the database refuses the second one.
            models.UniqueConstraint(
                fields=["session", "slot_start"],
                condition=Q(cancelled_at__isnull=True),
                name="agenda_one_active_booking_per_slot",
            ),
        ]

    def __str__(self):
        return f"{self.session.unit} – {self.session.date:%d/%m/%Y} {hour(self.slot_start)}"

    @property
    def is_active(self):
        return self.cancelled_at is None

    @property
    def subject_label(self):
        return Subject(self.subject).label

    @property
    def was_moved(self):
        return self.cancelled_at is not None and self.moved_to_id is not None

    def has_started(self, now=None):
        """Whether the appointment's time has come: only then can its outcome be noted."""
        return self.starts_at() <= (now or timezone.now())

    def sheets_to_bring(self):
        """[(sheet, [papers…]), …] for the chosen sheets that are still published."""
        return [(sheet, sheet.documents_to_bring()) for sheet in self.sheets.published().order_by("title")]

    @property
    def cpip_name(self):
        return self.cpip.get_full_name() or self.cpip.username

    def starts_at(self):
        return self.session.slot_starts_at(self.slot_start)

    def ends_at(self):
        return self.starts_at() + timedelta(minutes=self.session.slot_minutes)


class CalendarFeedToken(models.Model):
    """The secret in the address of a CPIP's private calendar of bookings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agenda_feed"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("adresse secrète du calendrier")
        verbose_name_plural = _("adresses secrètes du calendrier")

    def __str__(self):
        return str(self.user)

    @classmethod
    def renew(cls, user):
        """Give ``user`` a new secret address; the old one stops working at once."""
        feed, _created = cls.objects.update_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return feed
