from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class GuideIndexPage(Page):
    """The "Fiches pratiques" section: the topics by life situation, and the difficult words."""

    intro = RichTextField(
        _("introduction"),
        features=["bold", "link"],
        blank=True,
        help_text=_("1 ou 2 phrases courtes sous le titre."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.TopicPage", "guides.GlossaryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("accueil des fiches pratiques")
        verbose_name_plural = _("accueils des fiches pratiques")

    def topics(self):
        from .topic import TopicPage

        return TopicPage.objects.child_of(self).live().public().select_related("pictogram")

    def glossary_page(self):
        from .glossary_page import GlossaryPage

        return GlossaryPage.objects.child_of(self).live().public().first()

    def get_context(self, request, *args, **kwargs):
        from .procedure_sheet import ProcedureSheetPage

        context = super().get_context(request, *args, **kwargs)
        topics = list(self.topics())
        sheets = ProcedureSheetPage.objects.descendant_of(self).published().order_by("path")
        by_parent = {}
        for sheet in sheets:
            by_parent.setdefault(sheet.path[: -self.steplen], []).append(sheet)
        context["topics"] = [(topic, by_parent.get(topic.path, [])) for topic in topics]
        context["glossary_page"] = self.glossary_page()
        return context
