"""The SPIP units where France services sessions are held."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class ProbationUnit(index.Indexed, models.Model):
    """An open-environment unit of the SPIP, where France services sessions are held."""

    name = models.CharField(_("nom"), max_length=120, help_text=_("Par exemple : SPIP – Meaux."))
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=60,
        unique=True,
        help_text=_("Lettres minuscules et tirets, par exemple : meaux. Il sert dans l'adresse de la page."),
    )
    address = models.CharField(
        _("adresse"),
        max_length=200,
        blank=True,
        help_text=_(
            "Numéro et rue. À compléter : tant qu'elle est vide, le site dit de demander l'adresse au CPIP."
        ),
    )
    postcode = models.CharField(_("code postal"), max_length=5)
    commune = models.CharField(_("commune"), max_length=100)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True, help_text=_("À compléter."))
    access = models.TextField(
        _("comment venir"),
        blank=True,
        help_text=_("Bus, train, parking, étage, accès en fauteuil roulant. Phrases courtes."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")])],
            heading=_("Adresse"),
        ),
        FieldPanel("phone"),
        FieldPanel("access"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("commune"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unité du SPIP")
        verbose_name_plural = _("unités du SPIP")

    def __str__(self):
        return self.name

    @property
    def address_lines(self):
        """The postal address as lines; empty while editors have not entered the street."""
        if not self.address:
            return []
        return [self.address, f"{self.postcode} {self.commune}"]
