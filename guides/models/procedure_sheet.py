import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import BooleanField, Case, F, Max, OuterRef, Q, Subquery, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from dateutil.relativedelta import relativedelta

from portal.addresses import page_full_url
from portal.pdf import qr_code_svg

from .. import falc
from ..blocks import ProcedureSheetStreamBlock
from ..panels import FalcReportPanel
from ..printing import sheet_pdf_response
from .official_link import OfficialSheetLink
from .snippets import GlossaryTerm

REVIEW_WARNING_DAYS = 30


class ProcedureSheetPageQuerySet(PageQuerySet):
    def published(self):
        """Sheets anyone can read: live, and not behind a password or a sign-in."""
        return self.live().public()

    def with_official_change(self):
        """Each sheet with ``official_changed_on``: the latest important change of its official sheets,
        and ``official_changed``: whether that change came after the sheet was last checked."""
        latest = (
            OfficialSheetLink.objects.filter(page=OuterRef("pk"))
            .values("page")
            .annotate(latest=Max("official_sheet__changed_on"))
            .values("latest")
        )
        return self.annotate(official_changed_on=Subquery(latest)).annotate(
            official_changed=Case(
                When(official_changed_on__gt=F("last_checked_on"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )

    def official_changed(self):
        """Sheets whose official sheet changed in an important way since they were last checked."""
        return self.with_official_change().filter(official_changed=True)

    def due_for_review(self, today=None, within_days=REVIEW_WARNING_DAYS):
        """Sheets to check again: first those whose official sheet changed since they were checked,
        then those whose review date has passed or comes within ``within_days`` days, oldest first."""
        today = today or timezone.localdate()
        soon = Q(review_due_on__lte=today + datetime.timedelta(days=within_days))
        return (
            self.with_official_change()
            .filter(soon | Q(official_changed=True))
            .order_by("-official_changed", "review_due_on", "last_checked_on", "title")
        )


ProcedureSheetPageManager = PageManager.from_queryset(ProcedureSheetPageQuerySet)


class ProcedureSheetPage(RoutablePageMixin, Page):
    """A "fiche": one procedure explained in easy-to-read French, as the person's question.

    Probation counsellors print it for the people they follow; it also reads
    on a cheap phone. It says when it was last checked against the official
    Service-Public.fr sheet it simplifies, and whether people concerned have
    checked that it is easy to read (FALC).
    """

    summary = models.CharField(
        _("résumé en une phrase"),
        max_length=200,
        help_text=_("Une phrase courte, montrée sous le titre et dans les résultats de recherche."),
    )
    audience = models.CharField(
        _("pour qui ?"),
        max_length=250,
        help_text=_("Qui peut faire cette démarche. Par exemple : Vous avez 25 ans ou plus et peu d'argent."),
    )
    partners = ParentalManyToManyField(
        "guides.Partner",
        verbose_name=_("partenaires concernés"),
        related_name="procedure_sheets",
        blank=True,
    )
    body = StreamField(ProcedureSheetStreamBlock(), verbose_name=_("contenu de la fiche"))

    last_checked_on = models.DateField(
        _("vérifiée le"),
        default=datetime.date.today,
        help_text=_(
            "Le jour où quelqu'un a comparé la fiche avec la fiche officielle. Affiché sur la fiche."
        ),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("à vérifier tous les … mois"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    review_due_on = models.DateField(_("à vérifier avant le"), editable=False, null=True)
    falc_validated_on = models.DateField(_("relue en FALC le"), null=True, blank=True)
    falc_validated_by = models.CharField(
        _("relue par"),
        max_length=150,
        blank=True,
        help_text=_(
            "Le groupe de lecteurs qui a relu la fiche. Par exemple : atelier de relecture de l'ESAT de Meaux."
        ),
    )
    falc_score = models.FloatField(_("score de lisibilité"), null=True, editable=False)
    falc_finding_count = models.PositiveIntegerField(_("conseils FALC"), default=0, editable=False)

    objects = ProcedureSheetPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("audience"),
        FalcReportPanel(heading=_("Vérification « facile à lire »")),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("last_checked_on"),
                FieldPanel("review_interval_months"),
                InlinePanel(
                    "official_sheet_links",
                    label=_("fiche officielle"),
                    heading=_("Fiches officielles de Service-Public.fr que cette fiche simplifie"),
                    help_text=_(
                        "Choisissez-les dans la liste des fiches importées. Quand l'une change, "
                        "la fiche apparaît dans « Fiches à vérifier »."
                    ),
                ),
            ],
            heading=_("Vérification avec la fiche officielle"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("falc_validated_on", permission="guides.record_falc_validation"),
                FieldPanel("falc_validated_by", permission="guides.record_falc_validation"),
            ],
            heading=_("Relecture par des lecteurs (FALC)"),
            help_text=_(
                "Le groupe « Relecteurs FALC » remplit ces champs pendant la relecture. "
                "Le logo « facile à lire » s'affiche sur la fiche seulement quand ils sont remplis."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(review_panels, heading=_("Relecture")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.SearchField("glossary_words"),
        index.SearchField("partner_names"),
        index.AutocompleteField("summary"),
    ]

    parent_page_types = ["guides.TopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("fiche pratique")
        verbose_name_plural = _("fiches pratiques")
        permissions = [
            ("record_falc_validation", _("Peut enregistrer la relecture FALC d'une fiche")),
            ("publish_without_falc_review", _("Peut publier une fiche sans la relecture FALC")),
        ]

    def permissions_for_user(self, user):
        from ..permissions import SheetPermissionTester

        return SheetPermissionTester(user, self)

    # Validation and derived fields

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.falc_validated_on) != bool(self.falc_validated_by.strip()):
            message = _("Remplissez la date et le groupe de lecteurs, ou aucun des deux.")
            errors["falc_validated_on" if not self.falc_validated_on else "falc_validated_by"] = message
        if errors:
            raise ValidationError(errors)
        self.refresh_derived_fields()

    def refresh_derived_fields(self):
        """Compute what is stored for listings and reports: review date, FALC score."""
        if self.last_checked_on:
            self.review_due_on = self.last_checked_on + relativedelta(months=self.review_interval_months or 6)
        report = self.falc_report()
        self.falc_score = report.score
        self.falc_finding_count = len(report.findings)

    # Reading the sheet

    @cached_property
    def topic(self):
        """The topic page above the sheet (its title and address: the base page is enough)."""
        return self.get_parent()

    @property
    def has_falc_validation(self):
        return bool(self.falc_validated_on and self.falc_validated_by)

    def official_sheets(self):
        """The official sheets it simplifies, in the editor's order."""
        links = self.official_sheet_links.all()
        if "official_sheet_links" not in getattr(self, "_prefetched_objects_cache", {}):
            links = links.select_related("official_sheet")
        return [link.official_sheet for link in links]

    def official_sheet_numbers(self):
        return ", ".join(sheet.identifier for sheet in self.official_sheets())

    def documents_to_bring(self):
        """The papers to bring, as plain strings, in the order of the sheet (for letters and agendas)."""
        return [str(item) for item in self.body.stream_block.checklist_items(self.body)]

    def falc_texts(self):
        """What a reader reads: title, summary, audience and every text of the body."""
        return [self.title, self.summary, self.audience, *self.body.stream_block.falc_texts(self.body)]

    def falc_report(self):
        """The easy-to-read checks of the sheet; the glossary's words count as explained."""
        glossary = GlossaryTerm.objects.current_glossary()
        known_words = [form for entry in glossary.entries for form in entry.forms]
        return falc.analyse(self.falc_texts(), known_words=known_words)

    def partner_names(self):
        """The partners' names, short and everyday names (for the search index)."""
        return " ".join(
            f"{partner.name} {partner.short_name} {partner.everyday_name}" for partner in self.partners.all()
        )

    def glossary_words(self):
        """The difficult words this sheet uses, and their explanations (for the search index)."""
        glossary = GlossaryTerm.objects.current_glossary()
        entries = glossary.find(*self.falc_texts())
        return " ".join(" ".join([*entry.forms, entry.definition]) for entry in entries)

    def rendered_content(self, request, anchor_prefix="mot-"):
        """The body as HTML with its difficult words linked, and the list of those words.

        Used by the page, its PDF and the print pack, so that all three say the same.
        """
        glossary = GlossaryTerm.objects.current_glossary()
        html = render_to_string("guides/includes/sheet_body.html", {"page": self}, request=request)
        linked = []
        html = glossary.link(html, seen=linked, anchor_prefix=anchor_prefix)
        entries = glossary.find(self.title, self.summary, self.audience)
        entries += [entry for entry in linked if entry not in entries]
        return {
            "body_html": mark_safe(html),  # noqa: S308 - rendered by our templates, links added to text only
            "glossary_entries": entries,
            "anchor_prefix": anchor_prefix,
        }

    def get_pdf_url(self, request=None):
        """The address of this sheet as a PDF: ``<sheet URL>pdf/``."""
        url = self.get_url(request)
        return url + self.reverse_subpage("pdf").lstrip("/") if url else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.rendered_content(request))
        full_url = page_full_url(self, request)
        context["full_url"] = full_url
        context["qr_code"] = qr_code_svg(full_url)
        context["pdf_url"] = self.get_pdf_url(request)
        return context

    @path("pdf/")
    def pdf(self, request):
        return sheet_pdf_response(self, request)

    def pdf_cache_key(self, request):
        """What the PDF depends on: this published revision, the glossary, the site's address, and
        the official sheets it cites (an import may change their title and date)."""
        glossary = GlossaryTerm.objects.version()
        official = ",".join(f"{sheet.pk}.{sheet.content_hash[:12]}" for sheet in self.official_sheets())
        return f"guides:pdf:{request.get_host()}:{self.pk}:{self.live_revision_id}:{glossary}:{official}"
