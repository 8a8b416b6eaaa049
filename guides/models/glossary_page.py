import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .snippets import GlossaryTerm


def alphabetical_key(term):
    """French dictionary order: accents and case do not count ("école" between "droit" and "emploi")."""
    decomposed = unicodedata.normalize("NFKD", term.term)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class GlossaryPage(Page):
    """ "Les mots difficiles": every difficult word of the sheets, explained simply."""

    intro = models.CharField(
        _("phrase d'introduction"),
        max_length=250,
        blank=True,
        default=_("Les mots des démarches, expliqués avec des mots simples."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page des mots difficiles")
        verbose_name_plural = _("pages des mots difficiles")

    def terms(self):
        return sorted(GlossaryTerm.objects.all(), key=alphabetical_key)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = self.terms()
        return context
