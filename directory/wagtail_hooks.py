from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.models import register_snippet

from portal.viewsets import FrenchSnippetViewSet

from .models import Structure
from .reports import CampaignReportView, DueForCheckReportView
from .views import IMPORT_PERMISSION, ImportView


class StructureViewSet(FrenchSnippetViewSet):
    model = Structure
    feminine = True  # une France services
    icon = "site"
    menu_label = _("Structures")
    list_display = ["name", "commune_name", "format", "reception", "updated_at"]
    list_filter = ["format", "reception", "appointment_required"]
    ordering = ["name"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)


class ImportViewSet(ViewSet):
    """The import of the official CSV: one admin page, shown to those allowed to import."""

    name = "import-france-services"
    icon = "upload"
    menu_label = _("Importer la liste officielle")
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return [path("", ImportView.as_view(), name="index")]


class DirectoryViewSetGroup(ViewSetGroup):
    items = (StructureViewSet, ImportViewSet)
    menu_label = _("France services")
    menu_icon = "site"
    menu_order = 200


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for slug, view in [
        ("france-services-a-verifier", DueForCheckReportView),
        ("campagne-de-verification", CampaignReportView),
    ]:
        urls += [
            path(f"rapports/{slug}/", view.as_view(), name=view.index_url_name),
            path(
                f"rapports/{slug}/resultats/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            ),
        ]
    return urls


class StructureReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("directory.change_structure")


@hooks.register("register_reports_menu_item")
def register_check_report_menu_item():
    url = reverse(DueForCheckReportView.index_url_name)
    return StructureReportMenuItem(_("France services à vérifier"), url, icon_name="time", order=160)


@hooks.register("register_reports_menu_item")
def register_campaign_report_menu_item():
    url = reverse(CampaignReportView.index_url_name)
    return StructureReportMenuItem(_("Campagne de vérification"), url, icon_name="date", order=161)
