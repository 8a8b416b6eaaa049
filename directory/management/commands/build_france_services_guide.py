from django.core.management.base import BaseCommand

from directory.guide import GUIDE_PATH, rebuild_if_stale, store


class Command(BaseCommand):
    help = (
        "Refait le guide PDF des France services. Avec --if-stale, seulement si les informations ont changé "
        "depuis (à lancer par cron : le guide est alors prêt avant qu'on le demande)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale", action="store_true", help="Ne refaire le guide que si les informations ont changé"
        )

    def handle(self, *args, **options):
        size = rebuild_if_stale() if options["if_stale"] else store()
        if size is None:
            self.stdout.write("Guide à jour : rien à refaire.")
        else:
            self.stdout.write(f"Guide enregistré : {GUIDE_PATH} ({size} octets).")
