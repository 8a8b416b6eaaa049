from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """What every app shares: the page cache, the PDF and QR engine, the calendar, formats, rich text.

    See "Shared engines" in README.md.
    """

    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from .cache import connect_signals

        connect_signals()
