"""The editors' report: what readers searched for over the last 30 days, and what they didn't find."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

import django_filters

from home.staff import is_editor

from .querylog import REPORT_DAYS, report


class SearchQueriesReportFilterSet(WagtailFilterSet):
    unanswered = django_filters.BooleanFilter(
        label=_("Sans résultat"),
        method="filter_unanswered",
        help_text=_("« Oui » montre les recherches qui n'ont rien trouvé."),
    )

    class Meta:
        model = Query
        fields = []

    def filter_unanswered(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unanswered__gt=0) if value else queryset.filter(unanswered=0)


class SearchQueriesReportView(ReportView):
    page_title = _("Recherches des lecteurs (30 jours)")
    header_icon = "search"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = SearchQueriesReportFilterSet
    is_searchable = True
    search_fields = ["query_string"]
    default_ordering = "-searches"
    columns = [
        Column("query_string", label=_("Recherche"), sort_key="query_string"),
        NumberColumn("searches", label=_("Nombre de recherches"), sort_key="searches"),
        NumberColumn("unanswered", label=_("Dont sans résultat"), sort_key="unanswered"),
    ]
    list_export = ["query_string", "searches", "unanswered"]
    export_headings = {
        "query_string": _("Recherche"),
        "searches": _("Nombre de recherches"),
        "unanswered": _("Dont sans résultat"),
    }

    def get_base_queryset(self):
        return report(REPORT_DAYS)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_base_queryset()}

    def get_filename(self):
        return "recherches-des-lecteurs"

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
