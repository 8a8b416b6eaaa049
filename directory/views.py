"""The data·inclusion export (outside the page tree), and the editors' import of the official list."""

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import data_inclusion as schema
from .forms import ImportForm
from .import_report import waiting_hand_edits
from .importers import import_france_services
from .models import DEPARTMENT, DirectoryPage, OpeningHours, Structure
from .official_file import FileRejected

IMPORT_PERMISSION = "directory.import_structures"


def data_inclusion(request, page_path, kind, fmt):
    """The structures or their services in data·inclusion's schema, as JSON or CSV (open to any site)."""
    page = DirectoryPage.objects.live().first()
    if page is None or page.url != "/" + page_path:
        raise Http404
    structures = page.structures().with_details()
    records = getattr(schema, kind)(structures, lambda s: request.build_absolute_uri(page.structure_url(s)))
    if fmt == "json":
        response = JsonResponse(records, safe=False, json_dumps_params={"ensure_ascii": False, "indent": 1})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{schema.SOURCE}-{kind}.csv"'
        fields = schema.STRUCTURE_FIELDS if kind == "structures" else schema.SERVICE_FIELDS
        schema.write_csv(records, fields, response)
    response["Access-Control-Allow-Origin"] = "*"
    return response


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Upload the ANCT CSV, import it (or try it with "essai à blanc"), read the report."""

    template_name = "directory/admin/import_structures.html"
    form_class = ImportForm
    page_title = _("Importer la liste officielle des France services")
    header_icon = "upload"
    breadcrumbs_items = WagtailAdminTemplateMixin.breadcrumbs_items + [
        {"url": "", "label": _("Importer la liste officielle")}
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"departement": DEPARTMENT, "dry_run": True}

    def get_context_data(self, **kwargs):
        """The hand edits an import would overwrite, shown before any file is chosen."""
        structures = Structure.objects.exclude(id_fs=None).exclude(imported=None).order_by("name")
        weekly = OpeningHours.objects.filter(structure__in=structures).weekly_ranges()
        return super().get_context_data(hand_edits=waiting_hand_edits(structures, weekly), **kwargs)

    def form_valid(self, form):
        try:
            report = import_france_services(
                form.cleaned_data["file"].read(),
                department=form.cleaned_data["departement"] or None,
                dry_run=form.cleaned_data["dry_run"],
            )
        except FileRejected as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(form=self.form_class(initial=self.get_initial()), report=report)
        )
