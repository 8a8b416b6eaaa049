"""Sheets on paper: QR codes (segno) and PDFs drawn by WeasyPrint.

A PDF is the same HTML as the page, laid out with the site's print
stylesheet. WeasyPrint reads only the portal's own static and media files:
it never fetches anything from another address.
"""

import io
import mimetypes
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.safestring import mark_safe

import segno
import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

STYLESHEET = "css/portal.css"
# A sheet's PDF is kept this long for its revision; a partner's new phone number shows within the hour.
PDF_CACHE_SECONDS = 60 * 60


@lru_cache(maxsize=1024)
def qr_code_svg(url):
    """A compact inline SVG QR code of ``url`` (about 0.6 KB compressed), black on white."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        scale=1,
        border=2,
        xmldecl=False,
        svgns=True,
        omitsize=True,
        svgclass="qr-code",
        lineclass=None,
        title=None,
        nl=False,
    )
    svg = buffer.getvalue().decode()
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S308 - segno output


class LocalFilesFetcher(URLFetcher):
    """Give WeasyPrint the portal's static and media files from disk; refuse everything else."""

    def __init__(self, origin, **kwargs):
        super().__init__(allowed_protocols=("http", "https", "data"), **kwargs)
        self.origin = origin

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            raise ValueError(f"Ressource extérieure refusée : {url}")
        path = unquote(parts.path)
        content = self._read(path)
        if content is None:
            raise ValueError(f"Fichier introuvable : {path}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=content, headers={"Content-Type": mime_type})

    def _read(self, path):
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            # The source files first; collected files hold the hashed names of production.
            found = finders.find(name) or (
                staticfiles_storage.exists(name) and staticfiles_storage.path(name)
            )
            if found:
                with open(found, "rb") as file:
                    return file.read()
            return None
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as file:
                    return file.read()
        return None


def _origin(request):
    return f"{request.scheme}://{request.get_host()}"


def render_pdf(html, request):
    """Lay out ``html`` (a whole document) on A4 pages; return the WeasyPrint document."""
    origin = _origin(request)
    return weasyprint.HTML(
        string=html, base_url=origin + "/", url_fetcher=LocalFilesFetcher(origin), media_type="print"
    ).render()


def pdf_response(data, filename):
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def sheet_context(sheet, request, anchor_prefix):
    """Everything the printed sheet shows, the same as on screen."""
    full_url = sheet.get_full_url(request)
    return {
        "sheet": sheet,
        "full_url": full_url,
        "qr_code": qr_code_svg(full_url),
        **sheet.rendered_content(request, anchor_prefix=anchor_prefix),
    }


def sheet_pdf(sheet, request):
    """The PDF of one sheet, as bytes."""
    html = render_to_string(
        "guides/pdf/sheet.html",
        {
            "stylesheet": static(STYLESHEET),
            "printed": sheet_context(sheet, request, anchor_prefix="mot-"),
            "page": sheet,
        },
        request=request,
    )
    return render_pdf(html, request).write_pdf()


def sheet_pdf_response(sheet, request):
    """The sheet's PDF, drawn once per published revision and kept a while: drawing it takes time."""
    key = sheet.pdf_cache_key(request)
    data = cache.get(key)
    if data is None:
        data = sheet_pdf(sheet, request)
        cache.set(key, data, PDF_CACHE_SECONDS)
    return pdf_response(data, f"fiche-{sheet.slug}.pdf")


def print_pack_html(sheets, appointment, request):
    """The print pack as one HTML document: a cover page with the appointment and the list of sheets, then each sheet.

    ``appointment`` (first name, date, time, place) is only drawn on the cover:
    it is not kept anywhere.
    """
    printed = [sheet_context(sheet, request, anchor_prefix=f"fiche-{sheet.pk}-mot-") for sheet in sheets]
    return render_to_string(
        "guides/pdf/print_pack.html",
        {"stylesheet": static(STYLESHEET), "sheets": printed, "appointment": appointment},
        request=request,
    )


def print_pack_pdf(sheets, appointment, request):
    """The print pack as one PDF document (WeasyPrint)."""
    return render_pdf(print_pack_html(sheets, appointment, request), request)
