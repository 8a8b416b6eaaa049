from django.core.management.base import BaseCommand

from directory.guide import GUIDE_PATH, store


class Command(BaseCommand):
    help = "Refait le guide PDF des France services (il est refait tout seul quand une structure change)."

    def handle(self, *args, **options):
        size = store()
        self.stdout.write(f"Guide enregistré : {GUIDE_PATH} ({size} octets).")
