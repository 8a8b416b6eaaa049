"""Files uploaded by editors never run: SVGs are cleaned, media are served sandboxed."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import FileResponse
from django.test import RequestFactory
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.images.models import Image

import pytest

from portal.security import MEDIA_POLICY, UserMediaHeadersMiddleware

pytestmark = pytest.mark.django_db

HOSTILE_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="alert(1)">'
    b"<script>fetch('/espace-pro/').then(r => r.text()).then(alert)</script>"
    b'<a href="javascript:alert(2)"><rect width="40" height="40" fill="#000091"/></a>'
    b'<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
    b"</svg>"
)


def upload(client, name, data):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Pictogramme", "file": SimpleUploadedFile(name, data, content_type="image/svg+xml")},
    )


def test_an_uploaded_svg_is_stored_without_what_can_run_and_keeps_its_shapes(client, editor):
    client.force_login(editor)
    assert upload(client, "picto.svg", HOSTILE_SVG).status_code == 302
    image = Image.objects.get(title="Pictogramme")
    with image.open_file() as file:
        stored = file.read().decode()
    for active in ("<script", "onload", "javascript:", "foreignObject", "alert"):
        assert active not in stored
    assert '<rect fill="#000091" height="40" width="40"/>' in stored
    assert (image.width, image.height) == (64, 64)


def test_an_svg_the_filter_cannot_read_is_refused_with_a_french_message(client, editor):
    client.force_login(editor)
    response = upload(client, "picto.svg", b'<svg width="5" height="5"><script>alert(1)</script></svg>')
    assert response.status_code == 200
    assert "Ce fichier SVG est illisible." in response.content.decode()
    assert not Image.objects.exists()


@pytest.fixture
def document():
    def make(name, data):
        doc = Document(title=name)
        doc.file.save(name, ContentFile(data), save=False)
        doc.save()
        return doc

    return make


def test_a_document_is_served_sandboxed_and_without_content_sniffing(client, document):
    doc = document("notice.txt", b"<script>alert(1)</script>")
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == MEDIA_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_document_is_served_without_scripts_but_not_sandboxed_so_browsers_show_it(client, document):
    response = client.get(document("formulaire.pdf", b"%PDF-1.4\n%%EOF\n").url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_the_application_serves_under_media_is_sandboxed(settings):
    request = RequestFactory().get(f"{settings.MEDIA_URL}original_images/picto.svg")
    response = UserMediaHeadersMiddleware(
        lambda request: FileResponse(iter([HOSTILE_SVG]), content_type="image/svg+xml")
    )(request)
    assert response["Content-Security-Policy"] == MEDIA_POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_keep_the_site_policy(client, home_page):
    assert "sandbox" not in client.get("/")["Content-Security-Policy"]
