from django.core.management.base import BaseCommand, CommandError

from directory.importers import import_path
from directory.official_file import FileRejected


class Command(BaseCommand):
    help = "Importe la liste officielle des France services (CSV de l'ANCT, data.gouv.fr). Une deuxième exécution ne change rien."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Chemin du fichier CSV")
        parser.add_argument("--departement", help="Importer seulement ce département, par exemple 77")
        parser.add_argument("--dry-run", action="store_true", help="Lire et comparer sans rien enregistrer")

    def handle(self, *args, **options):
        try:
            report = import_path(
                options["file"], department=options["departement"], dry_run=options["dry_run"]
            )
        except FileRejected as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
