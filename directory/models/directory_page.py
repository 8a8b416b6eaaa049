"""The directory page: every structure, the search by commune, one page per structure, the guide."""

from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.addresses import page_full_url
from portal.blocks import SIMPLE_RICH_TEXT
from portal.pdf import qr_code_svg

from .. import communes
from ..forms import CommuneSearchForm, DirectoryFilterForm
from ..grouping import alphabetical, group_by_arrondissement
from ..sharing import share_links
from .commune import Commune
from .structure import Structure


class DirectoryPage(RoutablePageMixin, Page):
    """The guide of the France services of the département: list, search by commune, one page each."""

    intro = RichTextField(_("introduction"), features=SIMPLE_RICH_TEXT, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    # How many structures the search by commune shows, nearest first.
    NEAREST_COUNT = 5

    class Meta:
        verbose_name = _("annuaire des France services")
        verbose_name_plural = _("annuaires des France services")

    def structures(self):
        return Structure.objects.in_department()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directory_url"] = self.get_url(request)
        return context

    def search_url(self, query=""):
        """The commune search page, with ``query`` ("77230", "st fargeau") already asked."""
        url = self.url + self.reverse_subpage("search").lstrip("/")
        return f"{url}?{urlencode({'q': query})}" if query else url

    def structure_url(self, structure):
        return self.url + self.reverse_subpage("structure", args=[structure.slug]).lstrip("/")

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = page_full_url(self, request)
        for structure in Structure.objects.in_department().only("slug", "updated_at"):
            urls.append({"location": base + structure.slug + "/", "lastmod": structure.updated_at})
        return urls

    def nearby_context(self, commune, form):
        """The structures around ``commune`` that meet the needs ticked in ``form`` (a NeedsForm)."""
        needs = form.needs()
        structures = self.structures().meeting_needs(needs["partner"], needs["wheelchair"])
        open_at = timezone.now() if needs["open_now"] else None
        around = structures.around(commune, limit=self.NEAREST_COUNT, open_at=open_at)
        return {
            "commune": commune,
            "nearby": around.nearby,
            "by_invitation": around.by_invitation,
            "needs": needs,
            "needs_query": form.query(),
        }

    @path("")
    def index_route(self, request):
        """Every structure, by arrondissement or by commune, for one partner if asked."""
        from ..guide import guide_info

        data = request.GET.copy()
        data.setdefault("tri", DirectoryFilterForm.BY_ARRONDISSEMENT)
        form = DirectoryFilterForm(data)
        structures = self.structures()
        form.is_valid()  # a wrong value is shown as an error; the valid ones still apply
        partner = form.cleaned_data.get("partenaire")
        order = form.cleaned_data.get("tri") or DirectoryFilterForm.BY_ARRONDISSEMENT
        if partner:
            structures = structures.offering(partner)
        if order == DirectoryFilterForm.BY_COMMUNE:
            groups = alphabetical(structures.as_list())
        else:
            groups = group_by_arrondissement(structures.as_list())
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "partners": form.fields["partenaire"].queryset,
                "order": order,
                "search_form": CommuneSearchForm(),
                "partner": partner,
                "groups": groups,
                "count": sum(len(group.structures) for group in groups),
                "guide": guide_info(),
            },
        )

    @path("recherche/", name="search")
    def search_route(self, request):
        """Search by commune name or postcode: results, a choice of communes, or suggestions."""
        form = CommuneSearchForm(request.GET or None)
        context = {"search_form": form, "needs_query": form.query() if form.is_bound else ""}
        query = form.cleaned_data.get("q") if form.is_bound and "q" not in form.errors else None
        if query:
            matches = communes.find_communes(query)
            if len(matches) == 1:
                context.update(self.nearby_context(matches[0], form))
            elif matches:
                context["choices"] = matches
            else:
                context["suggestions"] = communes.suggest_communes(query)
                context["not_found"] = True
        return self.render(request, template="directory/commune_search.html", context_overrides=context)

    @path("commune/<str:code>/", name="commune")
    def commune_route(self, request, code):
        """The structures nearest to one commune (the choice page links here)."""
        commune = get_object_or_404(Commune, code=code)
        form = CommuneSearchForm({**request.GET.dict(), "q": commune.name})
        context = {"search_form": form, **self.nearby_context(commune, form)}
        return self.render(request, template="directory/commune_search.html", context_overrides=context)

    @path("guide/", name="guide")
    def guide_route(self, request):
        """The PDF guide, as stored when the data last changed."""
        from ..guide import guide_response

        return guide_response()

    @path("donnees-ouvertes/csv/", name="open_data_csv")
    def open_data_csv(self, request):
        from .. import opendata

        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{opendata.CSV_FILENAME}"'
        response["Access-Control-Allow-Origin"] = "*"
        opendata.write_csv(self.structures().prefetch_for_list(), response)
        return response

    @path("donnees-ouvertes/json/", name="open_data_json")
    def open_data_json(self, request):
        from .. import opendata

        response = JsonResponse(
            opendata.as_json(self.structures().with_details(), page_full_url(self, request)),
            json_dumps_params={"ensure_ascii": False, "indent": 1},
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @path("<slug:slug>/", name="structure")
    def structure_route(self, request, slug):
        """One structure's page: address, hours, partners, stops."""
        structure = self.structures().with_details().filter(slug=slug).first()
        if structure is None:
            raise Http404
        # From the request: the address the visitor used, which ALLOWED_HOSTS vouches for.
        full_url = request.build_absolute_uri(self.structure_url(structure))
        context = {
            "structure": structure,
            "full_url": full_url,
            "qr_code": qr_code_svg(full_url),
            "share": share_links(structure, full_url),
        }
        return self.render(request, template="directory/structure.html", context_overrides=context)
