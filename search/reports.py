"""The editors' report: what readers searched for over the last 30 days, and what they didn't find.

It shows only the queries the query log may show in clear (search/querylog.py); the others
are counted together, under the table, with no text.
"""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from home.staff import is_editor

from .models import DailySearchCount, LoggedQuery
from .querylog import KEEP_DAYS, RELEASE_DAYS

REPORT_DAYS = KEEP_DAYS


def since(days):
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def report(days=REPORT_DAYS):
    """Queries shown, of the last ``days`` days, with ``searches`` and ``unanswered`` counts, most frequent first."""
    recent = Q(daily_counts__date__gte=since(days))
    return (
        LoggedQuery.objects.filter(recent)
        .annotate(
            searches=Sum("daily_counts__searches", filter=recent),
            unanswered=Sum("daily_counts__unanswered", filter=recent),
        )
        .order_by("-searches", "text")
    )


def hidden_totals(days=REPORT_DAYS):
    """Searches of the last ``days`` days whose query is not shown: {"searches": n, "unanswered": n}."""
    totals = (
        DailySearchCount.objects.since(since(days))
        .filter(query=None)
        .aggregate(searches=Sum("searches"), unanswered=Sum("unanswered"))
    )
    return {name: value or 0 for name, value in totals.items()}


class SearchQueriesReportFilterSet(WagtailFilterSet):
    unanswered = django_filters.BooleanFilter(
        label=_("Sans résultat"),
        method="filter_unanswered",
        help_text=_("« Oui » montre les recherches qui n'ont rien trouvé."),
    )

    class Meta:
        model = LoggedQuery
        fields = []

    def filter_unanswered(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(unanswered__gt=0) if value else queryset.filter(unanswered=0)


class SearchQueriesReportView(ReportView):
    page_title = _("Recherches des lecteurs (30 jours)")
    header_icon = "search"
    template_name = "search/search_report.html"
    index_url_name = "search_report"
    index_results_url_name = "search_report_results"
    filterset_class = SearchQueriesReportFilterSet
    is_searchable = True
    search_fields = ["text"]
    default_ordering = "-searches"
    columns = [
        Column("text", label=_("Recherche"), sort_key="text"),
        NumberColumn("searches", label=_("Nombre de recherches"), sort_key="searches"),
        NumberColumn("unanswered", label=_("Dont sans résultat"), sort_key="unanswered"),
    ]
    list_export = ["text", "searches", "unanswered"]
    export_headings = {
        "text": _("Recherche"),
        "searches": _("Nombre de recherches"),
        "unanswered": _("Dont sans résultat"),
    }

    def get_base_queryset(self):
        return report(REPORT_DAYS)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.get_base_queryset()}

    def get_filename(self):
        return "recherches-des-lecteurs"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "hidden": hidden_totals(REPORT_DAYS),
            "release_days": RELEASE_DAYS,
            "keep_days": KEEP_DAYS,
        }

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
