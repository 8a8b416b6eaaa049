import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Crée le compte « admin » s'il n'existe pas (mot de passe : DJANGO_SUPERUSER_PASSWORD ou tiré au hasard)."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write("Le compte « admin » existe déjà.")
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        if os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            self.stdout.write("Compte « admin » créé avec le mot de passe de DJANGO_SUPERUSER_PASSWORD.")
        else:
            self.stdout.write(f"Compte « admin » créé. Mot de passe (affiché une seule fois) : {password}")
