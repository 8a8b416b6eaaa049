"""Which URL stands for each page type in the benchmark, found in the benchmark database.

Run inside Django (bench/run.py calls it through `manage.py shell`). A page type
whose app has no content yet is left out.
"""

from django.urls import reverse

from directory.models import DirectoryPage, Structure
from guides.models import ProcedureSheetPage, TopicPage

DEMO_SHEET = "demander-le-rsa"


def find():
    pages = {"accueil": "/"}
    pdfs = {}
    sheets = ProcedureSheetPage.objects.live().public()
    sheet = sheets.filter(slug=DEMO_SHEET).first() or sheets.first()
    if sheet:
        pages["fiche"] = sheet.url
        pages["thématique"] = sheet.get_parent().url
        pdfs["fiche (PDF)"] = {"url": sheet.get_pdf_url()}
        pack = [str(pk) for pk in sheets.order_by("path").values_list("pk", flat=True)[:10]]
        pdfs["pack de 10 fiches"] = {
            "method": "POST",
            "url": reverse("guides:print_pack"),
            "form_url": reverse("guides:print_pack"),
            "data": {
                "sheets": pack,
                "first_name": "Prénom",
                "date": "2026-12-01",
                "time": "10:00",
                "place": "SPIP de Meaux",
            },
        }
    elif TopicPage.objects.live().exists():
        pages["thématique"] = TopicPage.objects.live().first().url
    directory = DirectoryPage.objects.live().first()
    if directory:
        pages["annuaire"] = directory.url
        structure = Structure.objects.in_department().order_by("name").first()
        if structure:
            pages["structure"] = structure.get_absolute_url()
        pages["recherche commune"] = directory.search_url("dammartin en goele")
        pdfs["guide départemental"] = {"url": directory.url + "guide/"}
    pages["recherche du site"] = reverse("search") + "?q=rsa"
    return pages, pdfs
