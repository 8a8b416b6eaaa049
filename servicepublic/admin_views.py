"""The official sheets in Wagtail admin: one sheet's page, and "Créer une fiche facile à lire"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import InspectView

from guides.models import ProcedureSheetPage

from .drafts import create_draft
from .forms import DraftForm
from .models import OfficialSheet
from .pivots import pivot_label

MAX_PK = 2**63 - 1
SHOWN_FINDINGS = 3


def draft_url(official):
    return reverse("servicepublic_create_draft", args=[official.pk])


class OfficialSheetInspectView(InspectView):
    """Everything the import kept of one sheet, the easy-to-read sheets that stand on it, and the
    button that starts a new one."""

    template_name = "servicepublic/admin/inspect.html"
    fields = [
        "identifier",
        "publication_type",
        "title",
        "audience",
        "theme",
        "dossier",
        "changed_on",
        "modified_on",
        "description",
        "introduction",
        "imported_at",
    ]

    @cached_property
    def header_buttons(self):
        if self.object.is_placeholder:
            return []
        return [
            HeaderButton(
                _("Créer une fiche facile à lire"), url=draft_url(self.object), icon_name="doc-full-inverse"
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        official = self.object
        context["official"] = official
        context["places"] = [
            {**place, "label": pivot_label(place.get("pivot", ""))} for place in official.places
        ]
        context["falc_sheets"] = ProcedureSheetPage.objects.filter(
            official_sheet_links__official_sheet=official
        ).distinct()
        return context


class CreateDraftView(WagtailAdminTemplateMixin, FormView):
    """Choose a topic; a draft easy-to-read sheet is made from the official sheet, then edited."""

    template_name = "servicepublic/admin/create_draft.html"
    form_class = DraftForm
    page_title = gettext_lazy("Créer une fiche facile à lire")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, pk):
        if pk > MAX_PK:
            raise Http404
        self.official = get_object_or_404(OfficialSheet, pk=pk)
        form = self.get_form()
        if not form.fields["topic"].queryset.exists():
            return permission_denied(request)
        if self.official.is_placeholder:
            messages.error(
                request, _("Cette fiche officielle n'est pas encore importée : impossible d'en partir.")
            )
            return redirect(OfficialSheet.snippet_viewset.get_url_name("list"))
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.official)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "official": self.official}

    def form_valid(self, form):
        page = create_draft(self.official, form.cleaned_data["topic"], self.request.user)
        report = page.falc_report()
        message = _(
            "Brouillon créé à partir de la fiche %(id)s. Score facile à lire : %(score)s / 100, %(count)s conseil(s)."
        ) % {
            "id": self.official.identifier,
            "score": f"{report.score:.0f}" if report.score is not None else "—",
            "count": len(report.findings),
        }
        if report.findings:
            message += " " + _("À réécrire d'abord : %(findings)s.") % {
                "findings": " ; ".join(
                    f"{finding.label} « {finding.sentence} »" for finding in report.findings[:SHOWN_FINDINGS]
                )
            }
        messages.success(self.request, message)
        return redirect("wagtailadmin_pages:edit", page.pk)
