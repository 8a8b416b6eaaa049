from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Partner(index.Indexed, models.Model):
    """A national partner of France services (CAF, France Travail, …): advisors help with its procedures."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    short_name = models.CharField(_("nom court"), max_length=40, help_text=_("Par exemple : CAF, CPAM."))
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=60, unique=True)
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Numéro national, par exemple 32 30.")
    )
    website = models.URLField(_("site internet"), blank=True)
    joined_on = models.DateField(
        _("partenaire de France services depuis le"),
        null=True,
        blank=True,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("joined_on"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return self.short_name if self.short_name == self.name else f"{self.name} ({self.short_name})"
