"""Reduce the bookings older than AGENDA_BOOKING_RETENTION_MONTHS to the monthly counts, then delete them."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from agenda.retention import cutoff, purge_old_bookings


class Command(BaseCommand):
    help = "Réduit les rendez-vous anciens aux comptes du mois, puis les supprime (à lancer chaque jour)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Mois gardés après le jour du rendez-vous (défaut : AGENDA_BOOKING_RETENTION_MONTHS).",
        )

    def handle(self, *args, months=None, **options):
        months = settings.AGENDA_BOOKING_RETENTION_MONTHS if months is None else months
        try:
            before = cutoff(months=months)
        except ValueError:
            raise CommandError("Gardez les rendez-vous au moins 1 mois (--months 1 ou plus).") from None
        deleted = purge_old_bookings(months=months)
        self.stdout.write(f"{deleted} rendez-vous d'avant le {before:%d/%m/%Y} comptés puis supprimés.")
