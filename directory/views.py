"""The editors' import of the official list, in Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ImportForm
from .importers import import_france_services
from .models import DEPARTMENT
from .official_file import FileRejected

IMPORT_PERMISSION = "directory.import_structures"


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
        return {"departement": DEPARTMENT}

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
