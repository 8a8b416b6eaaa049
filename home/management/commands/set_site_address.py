from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


class Command(BaseCommand):
    help = "Donne au site Wagtail l'adresse de WAGTAILADMIN_BASE_URL (nom d'hôte et port). Une deuxième exécution ne change rien."

    def handle(self, *args, **options):
        parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise CommandError(
                f"WAGTAILADMIN_BASE_URL doit être une adresse comme https://exemple.fr (c'est « {settings.WAGTAILADMIN_BASE_URL} »)."
            )
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) == (parts.hostname, port):
            self.stdout.write(f"Le site a déjà l'adresse {site.root_url}.")
            return
        site.hostname, site.port = parts.hostname, port
        site.save(update_fields=["hostname", "port"])
        self.stdout.write(f"Adresse du site : {site.root_url}.")
