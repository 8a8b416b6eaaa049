from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .admin_views import CreateDraftView, OfficialSheetInspectView, draft_url
from .forms import ChooserSearchForm, OfficialSheetFilterSet, search
from .models import OfficialSheet


class OfficialSheetChooseView(ChooseView):
    filter_form_class = ChooserSearchForm


class OfficialSheetChooseResultsView(ChooseResultsView):
    filter_form_class = ChooserSearchForm


class OfficialSheetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = OfficialSheetChooseView
    choose_results_view_class = OfficialSheetChooseResultsView


class OfficialSheetIndexView(IndexView):
    def search_queryset(self, queryset):
        return search(queryset, self.search_query) if self.is_searching else queryset


class OfficialSheetViewSet(SnippetViewSet):
    """The imported official sheets: read, filtered by theme and date, searched by number or title."""

    model = OfficialSheet
    icon = "doc-full"
    menu_label = _("Fiches officielles")
    add_to_admin_menu = True
    menu_order = 160
    list_display = ["identifier", "title", "publication_type", "theme", "changed_on", "modified_on"]
    list_per_page = 50
    ordering = ["identifier"]
    filterset_class = OfficialSheetFilterSet
    search_fields = ["identifier", "title"]
    index_view_class = OfficialSheetIndexView
    inspect_view_enabled = True
    inspect_view_class = OfficialSheetInspectView
    copy_view_enabled = False
    chooser_viewset_class = OfficialSheetChooserViewSet
    chooser_per_page = 20


register_snippet(OfficialSheetViewSet)


@hooks.register("register_admin_urls")
def register_draft_urls():
    return [
        path(
            "fiches-officielles/<int:pk>/fiche-facile/",
            CreateDraftView.as_view(),
            name="servicepublic_create_draft",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def draft_button(snippet, user, next_url=None):
    if isinstance(snippet, OfficialSheet) and not snippet.is_placeholder:
        return [
            Button(
                _("Créer une fiche facile à lire"),
                url=draft_url(snippet),
                icon_name="doc-full-inverse",
                priority=5,
            )
        ]
    return []
