from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from home.staff import staff_required
from portal.pdf import pdf_response

from .forms import PrintPackForm
from .printing import print_pack_pdf


@sensitive_post_parameters("first_name", "date", "time", "place")
@never_cache
@staff_required
def print_pack(request):
    """The CPIP's print pack: chosen sheets, and an optional appointment, in one PDF.

    The form is posted, never put in the address, and its data only draws the
    PDF: no database, session, cache or log entry keeps it.
    """
    form = PrintPackForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        document = print_pack_pdf(list(form.cleaned_data["sheets"]), form.appointment(), request)
        return pdf_response(document.write_pdf(), "fiches-france-services.pdf", private=True)
    return render(request, "guides/print_pack.html", {"form": form, "groups": form.sheets_by_topic()})
