from django.core.management.base import BaseCommand, CommandError

from bench.volume import generate


class Command(BaseCommand):
    help = (
        "Crée des fiches et des pages pour le banc d'essai de la recherche, à partir des fiches de "
        "démonstration (lancez d'abord load_demo). Une deuxième exécution ne crée rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sheets", type=int, default=5000, help="Nombre de fiches voulues (5000).")
        parser.add_argument("--pages", type=int, default=2000, help="Nombre d'autres pages voulues (2000).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Dire ce qui serait créé, sans rien créer."
        )

    def handle(self, *args, sheets, pages, dry_run, **options):
        try:
            report = generate(sheets=sheets, pages=pages, dry_run=dry_run)
        except LookupError as error:
            raise CommandError(str(error)) from error
        verb = "seraient créées" if dry_run else "créées"
        self.stdout.write(
            f"Fiches : {report.sheets_created} {verb}, {report.sheets_total} en tout. "
            f"Pages : {report.pages_created} {verb}, {report.pages_total} en tout."
        )
