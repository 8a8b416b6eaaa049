"""The one PDF and QR code engine (portal/pdf.py): local files only, the right cache headers."""

import io
from urllib.parse import unquote

from django.test import override_settings

import pytest

from portal.pdf import LocalFilesFetcher, origin, pdf_response, qr_code_data_uri, qr_code_svg, render_document


def test_pdf_rendering_reads_local_files_and_refuses_other_addresses():
    fetcher = LocalFilesFetcher("http://testserver")
    response = fetcher.fetch("http://testserver/static/css/portal.css")
    assert response.content_type == "text/css"
    assert b"==== guides" in response.read()
    for url in ("https://example.org/font.woff2", "http://testserver/etc/passwd", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@override_settings(WAGTAILADMIN_BASE_URL="https://france-services77.example.org/admin")
def test_without_a_request_a_pdf_is_relative_to_the_configured_site():
    assert origin() == "https://france-services77.example.org"


def test_with_a_request_a_pdf_is_relative_to_the_address_asked(rf):
    assert origin(rf.get("/", HTTP_HOST="portail.example.org")) == "http://portail.example.org"


def test_a_document_is_laid_out_on_a4_with_the_linked_stylesheet():
    html = (
        '<!DOCTYPE html><html lang="fr"><head><link rel="stylesheet" href="/static/agenda/letter.css">'
        "</head><body><p>Bonjour</p></body></html>"
    )
    page = render_document(html).pages[0]
    assert (round(page.width * 25.4 / 96), round(page.height * 25.4 / 96)) == (210, 297)


def test_a_private_pdf_is_kept_by_no_cache():
    response = pdf_response(b"%PDF-1.7", "convocation.pdf", private=True)
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["Content-Disposition"] == 'inline; filename="convocation.pdf"'


def test_a_public_pdf_may_be_kept_but_is_asked_again():
    response = pdf_response(b"%PDF-1.7", "fiche.pdf", private=False)
    assert response["Cache-Control"] == "no-cache"


def test_a_stored_pdf_is_streamed_as_a_download():
    response = pdf_response(io.BytesIO(b"%PDF-1.7 stored"), "guide.pdf", private=False, download=True)
    assert response["Content-Disposition"] == 'attachment; filename="guide.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.7 stored"


def test_the_qr_code_is_inline_svg_that_screen_readers_skip():
    svg = qr_code_svg("https://france-services77.example.org/fiches/rsa/")
    assert svg.startswith('<svg aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"')
    assert 'class="qr-code"' in svg


def test_the_qr_code_for_an_img_is_the_same_drawing():
    url = "https://france-services77.example.org/agenda/meaux/"
    data_uri = qr_code_data_uri(url)
    assert data_uri.startswith("data:image/svg+xml;charset=utf-8,")
    path = qr_code_svg(url).split(' d="', 1)[1].split('"', 1)[0]
    assert path in unquote(data_uri)
