from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.snippets.models import register_snippet

from portal.viewsets import FrenchSnippetViewSet

from .models import Structure
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
