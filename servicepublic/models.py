"""The official Service-Public.fr sheets ("Vos droits et démarches"), as the DILA publishes them.

An official sheet is imported from the DILA's open data (``import_service_public``), never
typed: editors read it in the admin, link their easy-to-read sheets to it, and start a new
easy-to-read sheet from it. A sheet linked before any import is a *placeholder*: its number
only, filled in by the next import that brings it.
"""

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext_lazy as _

from .pivots import pivot_label

CURRENT_HOST = "www.service-public.gouv.fr"
BUSINESS_URL = "https://entreprendre.service-public.gouv.fr/vosdroits/{identifier}"
CURRENT_URL = "https://" + CURRENT_HOST + "{path}"
DEFAULT_PATH = "/particuliers/vosdroits/{identifier}"
SECTIONS = ("/particuliers/", "/associations/")


class OfficialSheetQuerySet(models.QuerySet):
    def imported(self):
        return self.exclude(imported_at=None)

    def placeholder(self, identifier):
        """The sheet numbered ``identifier``, created with its number only if no import brought it yet."""
        sheet, _created = self.get_or_create(identifier=identifier, defaults={"title": identifier})
        return sheet

    def themes(self):
        """The themes of the imported sheets, A to Z (for the admin's filter)."""
        return self.exclude(theme="").order_by("theme").values_list("theme", flat=True).distinct()


class OfficialSheet(models.Model):
    """One sheet of Service-Public.fr: a procedure (F…), a dossier (N…) or a form or online service (R…)."""

    identifier = models.CharField(_("numéro"), max_length=20, unique=True)
    kind = models.CharField(_("élément racine"), max_length=30, blank=True)
    publication_type = models.CharField(_("type"), max_length=100, blank=True)
    title = models.CharField(_("titre"), max_length=500)
    audience = models.CharField(_("public"), max_length=200, blank=True)
    theme = models.CharField(_("thème"), max_length=200, blank=True)
    theme_code = models.CharField(_("numéro du thème"), max_length=20, blank=True)
    dossier = models.CharField(_("dossier"), max_length=300, blank=True)
    dossier_code = models.CharField(_("numéro du dossier"), max_length=20, blank=True)
    changed_on = models.DateField(
        _("changement important le"),
        null=True,
        blank=True,
        help_text=_("dateDerniereModificationImportante : le jour où la démarche a vraiment changé."),
    )
    modified_on = models.DateField(_("mise à jour le"), null=True, blank=True, help_text=_("dc:date"))
    source_url = models.URLField(_("adresse publiée (spUrl)"), max_length=500, blank=True)
    description = models.TextField(_("résumé (dc:description)"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    places = models.JSONField(
        _("où s'adresser"),
        default=list,
        blank=True,
        help_text=_("Chaque lieu : numéro, type, titre, type PivotLocal, complément, adresse."),
    )
    online_services = models.JSONField(
        _("services en ligne et formulaires"),
        default=list,
        blank=True,
        help_text=_("Chaque service : numéro, type, titre, adresse, numéro Cerfa."),
    )
    unknown_elements = models.JSONField(
        _("éléments inconnus"),
        default=dict,
        blank=True,
        help_text=_("Les éléments XML que l'import ne connaît pas encore (ils restent dans le XML gardé)."),
    )
    xml = models.TextField(_("XML publié"), blank=True)
    content_hash = models.CharField(_("empreinte du fichier"), max_length=64, blank=True)
    imported_at = models.DateTimeField(_("importée le"), null=True, blank=True)

    objects = OfficialSheetQuerySet.as_manager()

    class Meta:
        ordering = ["identifier"]
        verbose_name = _("fiche officielle")
        verbose_name_plural = _("fiches officielles")

    def __str__(self):
        return self.identifier if self.title == self.identifier else f"{self.identifier} – {self.title}"

    @property
    def is_placeholder(self):
        return self.imported_at is None

    @property
    def public_url(self):
        """The sheet's current address on service-public.gouv.fr (the XML's spUrl names the old domain)."""
        path = urlsplit(self.source_url).path if self.source_url else ""
        if "/professionnels-entreprises/" in path:
            return BUSINESS_URL.format(identifier=self.identifier)
        if not path.startswith(SECTIONS):
            path = DEFAULT_PATH.format(identifier=self.identifier)
        return CURRENT_URL.format(path=path)

    @property
    def date(self):
        """The date the sheet gives as its last update (dc:date), else its last important change."""
        return self.modified_on or self.changed_on

    def pivot_types(self):
        """The PivotLocal types of its "où s'adresser", in order, once each."""
        return list(dict.fromkeys(place["pivot"] for place in self.places if place.get("pivot")))

    def place_labels(self):
        return [pivot_label(pivot) for pivot in self.pivot_types()]
