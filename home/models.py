from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import SIMPLE_RICH_TEXT


class HomePage(Page):
    """The site root: who France services are for, and where to start."""

    intro = RichTextField(
        _("introduction"),
        features=SIMPLE_RICH_TEXT,
        blank=True,
        help_text=_("Quelques phrases courtes sous le titre."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class StandardPage(Page):
    """A plain page of text: legal notice, accessibility statement, help."""

    intro = models.CharField(_("chapeau"), max_length=300, blank=True)
    body = RichTextField(_("contenu"), features=SIMPLE_RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Texte du lien"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse d'un autre site"), required=False)

    class Meta:
        icon = "link"
        label = _("Lien de pied de page")
        template = "includes/footer_link.html"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What every page shows about the operator: name, logo, contact, footer."""

    operator_name = models.CharField(
        _("nom de l'opérateur"),
        max_length=200,
        default="Préfecture de Seine-et-Marne",
        help_text=_("Qui publie ce site. Affiché dans le pied de page."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("adresse e-mail de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    contact_address = models.TextField(_("adresse postale de contact"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de la déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    directory_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de l'annuaire des France services"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Les fiches et le calendrier renvoient vers cette page."),
    )
    agenda_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page du calendrier des permanences"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        verbose_name=_("autres liens du pied de page"),
        blank=True,
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("operator_name"), FieldPanel("logo")],
            heading=_("Opérateur"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("footer_links"),
            ],
            heading=_("Pied de page"),
        ),
        MultiFieldPanel(
            [FieldPanel("directory_page"), FieldPanel("agenda_page")],
            heading=_("Pages clés"),
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")
