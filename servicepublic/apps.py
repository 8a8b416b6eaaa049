from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicePublicConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "servicepublic"
    verbose_name = _("Fiches officielles Service-Public.fr")
