"""Editors' reports (Wagtail admin › Rapports): structures to call again, and the verification
campaign before the holidays (``checks.py`` says which)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .checks import current_campaign, due_for_check, next_campaign
from .models import Structure

EXPORT_HEADINGS = {
    "name": _("Nom"),
    "commune_name": _("Commune"),
    "phone": _("Téléphone"),
    "email": _("E-mail"),
    "verified_on": _("Vérifiée le"),
}


class StructureReportView(ReportView):
    model = Structure
    any_permission_required = ["change"]
    header_icon = "site"
    columns = [
        TitleColumn("name", label=_("Nom"), url_name="wagtailsnippets_directory_structure:edit"),
        Column("commune_name", label=_("Commune")),
        Column("phone", label=_("Téléphone")),
        DateColumn("verified_on", label=_("Vérifiée le")),
    ]
    list_export = list(EXPORT_HEADINGS)
    export_headings = EXPORT_HEADINGS


class DueForCheckReportView(StructureReportView):
    """Structures whose information nobody checked with them for six months; never checked first."""

    page_title = _("France services à vérifier (6 mois)")
    index_url_name = "directory_check_report"
    index_results_url_name = "directory_check_report_results"

    def get_queryset(self):
        return due_for_check(timezone.localdate())

    def get_filename(self):
        return "france-services-a-verifier"


class CampaignReportView(StructureReportView):
    """During a campaign: the structures that have not said whether they close during the holidays."""

    template_name = "directory/admin/campaign_report.html"
    page_title = _("Campagne de vérification des fermetures")
    index_url_name = "directory_campaign_report"
    index_results_url_name = "directory_campaign_report_results"

    def get_queryset(self):
        campaign = current_campaign(timezone.localdate())
        return campaign.structures() if campaign else Structure.objects.none()

    def get_filename(self):
        return "campagne-de-verification"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return {
            **super().get_context_data(**kwargs),
            "campaign": current_campaign(today),
            "next_campaign": next_campaign(today),
        }
