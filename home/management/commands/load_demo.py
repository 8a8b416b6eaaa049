from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand

# Apps whose demo content loads, in this order (later apps link to earlier ones).
DEMO_APPS = ["home", "directory", "servicepublic", "guides", "agenda", "search"]


class Command(BaseCommand):
    help = "Charge le contenu de démonstration. Une deuxième exécution ne change rien."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            if find_spec(f"{app}.demo") is not None:
                import_module(f"{app}.demo").load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
