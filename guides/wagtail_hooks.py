from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from home.staff import is_editor
from portal.formats import long_date
from portal.viewsets import FrenchSnippetViewSet

from .models import GlossaryTerm, GuideIndexPage, Partner, ProcedureSheetPage
from .review import assign_falc_workflow

DASHBOARD_ROWS = 8


class PartnerViewSet(FrenchSnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    add_to_admin_menu = True
    list_display = ["short_name", "name", "everyday_name", "phone", "joined_on"]
    search_fields = ["name", "short_name"]


class GlossaryTermViewSet(FrenchSnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = _("Mots difficiles")
    add_to_admin_menu = True
    list_display = ["term", "definition", "updated_at"]
    search_fields = ["term", "other_forms", "definition"]
    ordering = ["term"]


register_snippet(PartnerViewSet)
register_snippet(GlossaryTermViewSet)


def _date(value):
    return long_date(value, weekday=False) if value else ""


def _falc_summary(sheet):
    if sheet.falc_score is None:
        return ""
    return _("%(score)s / 100 – %(count)d conseil(s)") % {
        "score": f"{sheet.falc_score:.0f}",
        "count": sheet.falc_finding_count,
    }


def _falc_validation(sheet):
    return _date(sheet.falc_validated_on) if sheet.has_falc_validation else _("pas encore")


FALC_COLUMN = Column("falc", label=_("Facile à lire (score)"), accessor=_falc_summary, sort_key="falc_score")
REVIEW_COLUMN = Column(
    "review_due_on",
    label=_("À vérifier avant le"),
    accessor=lambda s: _date(s.review_due_on),
    sort_key="review_due_on",
)
CHECKED_COLUMN = Column(
    "last_checked_on",
    label=_("Vérifiée le"),
    accessor=lambda s: _date(s.last_checked_on),
    sort_key="last_checked_on",
)
VALIDATION_COLUMN = Column("falc_validated_on", label=_("Relue en FALC le"), accessor=_falc_validation)


class OfficialSheetColumn(Column):
    """The official sheets' numbers, and "La fiche officielle a changé le …" when it changed since the check."""

    cell_template_name = "guides/admin/official_sheet_cell.html"


OFFICIAL_COLUMN = OfficialSheetColumn(
    "official_sheets", label=_("Fiche officielle"), accessor="official_sheet_numbers"
)


class ProcedureSheetListingViewSet(PageListingViewSet):
    """Every sheet in one list, with its easy-to-read score and its review date."""

    model = ProcedureSheetPage
    icon = "doc-full-inverse"
    menu_label = _("Fiches pratiques")
    add_to_admin_menu = True
    menu_order = 150
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Titre"), sort_key="title", classname="title"),
        ParentPageColumn("parent", label=_("Thème")),
        FALC_COLUMN,
        VALIDATION_COLUMN,
        REVIEW_COLUMN,
        PageStatusColumn("status", label=_("Statut"), sort_key="live"),
    ]


@hooks.register("register_admin_viewset")
def register_sheet_listing():
    return ProcedureSheetListingViewSet("fiches_pratiques")


class SheetsToReviewReportView(ReportView):
    """Sheets to check again against Service-Public.fr: first those whose official sheet changed
    since they were checked, then those whose date has passed or comes within 30 days, oldest first."""

    results_template_name = "wagtailadmin/reports/base_report_results.html"
    page_title = _("Fiches à vérifier")
    header_icon = "time"
    index_url_name = "guides_review_report"
    index_results_url_name = "guides_review_report_results"
    model = ProcedureSheetPage
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn("title", label=_("Titre"), url_name="wagtailadmin_pages:edit"),
        ParentPageColumn("parent", label=_("Thème")),
        REVIEW_COLUMN,
        CHECKED_COLUMN,
        OFFICIAL_COLUMN,
        FALC_COLUMN,
        PageStatusColumn("status", label=_("Statut")),
    ]
    list_export = [
        "title",
        "review_due_on",
        "last_checked_on",
        "official_sheet_numbers",
        "official_changed_on",
        "falc_score",
    ]
    export_headings = {
        "title": _("Titre"),
        "review_due_on": _("À vérifier avant le"),
        "last_checked_on": _("Vérifiée le"),
        "official_sheet_numbers": _("Fiche officielle"),
        "official_changed_on": _("La fiche officielle a changé le"),
        "falc_score": _("Score facile à lire"),
    }

    def get_queryset(self):
        return ProcedureSheetPage.objects.due_for_review().prefetch_related(
            "official_sheet_links__official_sheet"
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        Page.objects.annotate_parent_page(context["object_list"])
        return context


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("rapports/fiches-a-verifier/", SheetsToReviewReportView.as_view(), name="guides_review_report"),
        path(
            "rapports/fiches-a-verifier/resultats/",
            SheetsToReviewReportView.as_view(results_only=True),
            name="guides_review_report_results",
        ),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Fiches à vérifier"), reverse("guides_review_report"), icon_name="time", order=150
    )


class SheetsToReviewPanel(Component):
    """Dashboard panel: the sheets to check again first."""

    name = "guides_sheets_to_review"
    template_name = "guides/admin/sheets_to_review_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        sheets = ProcedureSheetPage.objects.due_for_review()
        context["sheets"] = sheets.prefetch_related("official_sheet_links__official_sheet")[:DASHBOARD_ROWS]
        context["total"] = sheets.count()
        context["report_url"] = reverse("guides_review_report")
        return context


@hooks.register("construct_homepage_panels")
def add_sheets_to_review_panel(request, panels):
    if is_editor(request.user):
        panels.append(SheetsToReviewPanel())


@hooks.register("after_create_page")
def review_new_guide_sections(request, page):
    """A new "Fiches pratiques" section gets the "Relecture FALC" workflow."""
    if isinstance(page.specific, GuideIndexPage):
        assign_falc_workflow(page)


@hooks.register("construct_page_action_menu")
def approve_and_publish_in_lower_case(menu_items, request, context):
    """Wagtail's French says "Approuver et Publier" on a workflow's last step: "Approuver et publier"."""
    page = context.get("page")
    state = page.current_workflow_state if page else None
    if not (state and state.is_at_final_task):
        return
    labels = {
        (name, modal): label
        for name, label, modal in page.current_workflow_task.get_actions(page, request.user)
    }
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = _("%(action)s et publier") % {"action": labels[(item.name, item.launch_modal)]}
