from django.core.management.base import BaseCommand

from search.logflush import flush


class Command(BaseCommand):
    help = (
        "Écrit dans la base de données les recherches comptées dans le cache (journal des recherches). "
        "Les processus du site le font seuls chaque minute ; utile avant une sauvegarde ou un arrêt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Dire combien seraient écrites, sans écrire."
        )

    def handle(self, *args, dry_run, **options):
        written = flush(everything=True, dry_run=dry_run)
        verb = "seraient écrites" if dry_run else "écrites"
        self.stdout.write(f"Journal des recherches : {written} recherche(s) {verb}.")
