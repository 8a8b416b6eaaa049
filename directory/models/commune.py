"""The communes of Seine-et-Marne, to find the France services nearest to where people live."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The département this portal serves: the directory lists its structures only.
DEPARTMENT = "77"

# INSEE arrondissement codes of Seine-et-Marne, checked against the communes file: each
# sous-préfecture's own commune (Meaux 77284, Melun 77288, Provins 77379, Fontainebleau 77186,
# Torcy 77468) lies in the arrondissement of that name.
ARRONDISSEMENTS = {
    "771": "Meaux",
    "772": "Melun",
    "773": "Provins",
    "774": "Fontainebleau",
    "775": "Torcy",
}


class Commune(models.Model):
    """A commune of Seine-et-Marne, with its postcodes and a reference point to measure distances."""

    code = models.CharField(_("code INSEE"), max_length=5, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    postcodes = models.CharField(
        _("codes postaux"), max_length=100, help_text=_("Séparés par « | » s'il y en a plusieurs.")
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    arrondissement = models.CharField(_("code de l'arrondissement"), max_length=3)
    epci_code = models.CharField(_("code SIREN de l'intercommunalité"), max_length=9, blank=True)
    epci_name = models.CharField(_("intercommunalité"), max_length=150, blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name} ({self.postcode_list[0]})" if self.postcodes else self.name

    def get_absolute_url(self):
        """The page listing the France services nearest to this commune."""
        from .directory_page import DirectoryPage

        page = DirectoryPage.objects.live().first()
        return page.url + page.reverse_subpage("commune", args=[self.code]).lstrip("/") if page else None

    @property
    def postcode_list(self):
        return [code for code in self.postcodes.split("|") if code]

    @property
    def arrondissement_name(self):
        return ARRONDISSEMENTS.get(self.arrondissement, "")

    @property
    def point(self):
        return (self.latitude, self.longitude)
