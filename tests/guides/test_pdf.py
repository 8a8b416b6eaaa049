"""A sheet as a PDF: the same sheet, drawn by WeasyPrint, on A4 pages."""

import pytest

from guides import printing
from portal.pdf import render_document
from tests.guides.pdf import is_pdf, page_count

pytestmark = pytest.mark.django_db


def test_the_sheet_pdf_is_a_real_pdf_of_at_most_two_pages(client, sheet, glossary):
    response = client.get(sheet.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="fiche-demander-le-rsa.pdf"'
    assert is_pdf(response.content)
    assert 1 <= page_count(response.content) <= 2


def test_the_pdf_draws_the_same_sheet_as_the_page(rf, sheet, glossary):
    from django.template.loader import render_to_string

    from guides.printing import sheet_context

    request = rf.get(sheet.url)
    html = render_to_string(
        "guides/pdf/sheet.html",
        {"printed": sheet_context(sheet, request, "mot-"), "page": sheet},
        request=request,
    )
    for text in (
        "Comment demander le RSA ?",
        "Fiche vérifiée le",
        "Mon rendez-vous :",
        "Les mots difficiles",
    ):
        assert text in html
    assert 'class="qr-code"' in html
    document = render_document(html, request)
    assert len(document.pages) <= 2
    page = document.pages[0]
    assert (page.width, page.height) == (
        pytest.approx(793.7, abs=0.1),
        pytest.approx(1122.5, abs=0.1),
    )  # A4, CSS px


def test_an_unknown_sheet_pdf_is_a_404(client, sheet):
    assert client.get(sheet.url + "pdf/nimporte/").status_code == 404


def test_the_pdf_is_drawn_once_per_published_revision(client, sheet, monkeypatch):
    drawn = []
    draw = printing.sheet_pdf
    monkeypatch.setattr(
        printing, "sheet_pdf", lambda page, request: drawn.append(page.pk) or draw(page, request)
    )
    first = client.get(sheet.url + "pdf/").content
    assert client.get(sheet.url + "pdf/").content == first
    assert len(drawn) == 1
    sheet.title = "Comment demander le RSA en 2027 ?"
    sheet.save_revision().publish()
    client.get(sheet.url + "pdf/")
    assert len(drawn) == 2


def test_a_glossary_change_draws_the_pdf_again(client, sheet, glossary, monkeypatch):
    drawn = []
    draw = printing.sheet_pdf
    monkeypatch.setattr(
        printing, "sheet_pdf", lambda page, request: drawn.append(page.pk) or draw(page, request)
    )
    client.get(sheet.url + "pdf/")
    glossary[0].definition = "Une aide de la CAF."
    glossary[0].save()
    client.get(sheet.url + "pdf/")
    assert len(drawn) == 2
