from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class TopicPage(Page):
    """A life situation ("Se soigner", "Trouver un travail"…) and the sheets that help with it."""

    intro = models.CharField(
        _("phrase d'introduction"),
        max_length=250,
        blank=True,
        help_text=_("Une phrase courte. Par exemple : Les démarches pour voir un médecin et être remboursé."),
    )
    pictogram = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("pictogramme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Une image simple (SVG) qui montre le thème. Elle est décorative : le titre dit tout."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("pictogram")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = ["guides.ProcedureSheetPage"]

    class Meta:
        verbose_name = _("thème de fiches")
        verbose_name_plural = _("thèmes de fiches")

    def permissions_for_user(self, user):
        from ..permissions import TopicPermissionTester

        return TopicPermissionTester(user, self)

    def sheets(self):
        from .procedure_sheet import ProcedureSheetPage

        return ProcedureSheetPage.objects.child_of(self).published().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sheets"] = self.sheets()
        return context
