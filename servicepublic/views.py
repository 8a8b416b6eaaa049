"""The public "Où aller ?" page of an easy-to-read sheet."""

import re

from django.http import Http404
from django.shortcuts import render

from directory import communes
from directory.forms import CommuneSearchForm
from directory.models import Commune
from guides.forms import is_page_id
from guides.models import ProcedureSheetPage
from home.models import SiteSettings

from .where import nearest, where_to_go

INSEE_CODE = re.compile(r"[0-9][0-9AB][0-9]{3}")


def _commune_context(request, places):
    code = request.GET.get("commune", "")
    if INSEE_CODE.fullmatch(code):
        commune = Commune.objects.filter(code=code).first()
        if commune is not None:
            return {
                "search_form": CommuneSearchForm(initial={"q": commune.name}),
                **_results(places, commune),
            }
    form = CommuneSearchForm(request.GET if "q" in request.GET else None)
    context = {"search_form": form}
    if form.is_valid():
        matches = communes.find_communes(form.cleaned_data["q"])
        if len(matches) == 1:
            context.update(_results(places, matches[0]))
        elif matches:
            context["choices"] = matches
        else:
            context["suggestions"] = communes.suggest_communes(form.cleaned_data["q"])
            context["not_found"] = True
    return context


def _results(places, commune):
    return {"commune": commune, "rows": nearest(places.partners, commune)}


def where_to_go_view(request, sheet_id):
    """The France services nearest to the reader's commune, for each partner of the sheet's procedure."""
    if not is_page_id(sheet_id):
        raise Http404
    sheet = ProcedureSheetPage.objects.published().filter(pk=int(sheet_id)).first()
    if sheet is None:
        raise Http404
    places = where_to_go(sheet)
    directory_page = SiteSettings.for_request(request).directory_page
    context = {
        "sheet": sheet,
        "places": places,
        "sheet_url": sheet.get_url(request),
        "directory_url": directory_page.get_url(request) if directory_page else "",
        **_commune_context(request, places),
    }
    return render(request, "servicepublic/where_to_go.html", context)
