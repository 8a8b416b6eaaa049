from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.staff import is_editor

from .models import Synonym
from .reports import SearchQueriesReportView


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonymes")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["meaning", "expressions"]
    search_fields = ["expressions", "meaning"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        path("reports/recherches/", SearchQueriesReportView.as_view(), name="search_report"),
        path(
            "reports/recherches/results/",
            SearchQueriesReportView.as_view(results_only=True),
            name="search_report_results",
        ),
    ]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return EditorsMenuItem(
        _("Recherches des lecteurs"),
        reverse("search_report"),
        name="search-queries",
        icon_name="search",
        order=1400,
    )


@hooks.register("construct_reports_menu")
def hide_wagtails_search_terms_report(request, menu_items):
    """Wagtail's own query log receives nothing (search/querylog.py): its empty report would mislead."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]
