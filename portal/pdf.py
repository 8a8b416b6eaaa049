"""PDFs and QR codes: the portal's one WeasyPrint set-up.

Every PDF the portal draws — a sheet and the CPIP's print pack (``guides``), the departmental
guide (``directory``), the invitation letter (``agenda``), and what comes next (appointment
cards, official sheets) — is a Django template laid out here, in one way:

- Links and files in the HTML are relative to an *origin* (``https://host``): the request's when
  there is one, else the site address configured for production (``WAGTAILADMIN_BASE_URL``);
  see ``portal.addresses``.
- The text gets the no-break spaces of French typography (``portal.typography``), as pages do.
- WeasyPrint reads the portal's own static and media files from disk and refuses every other
  address (``LocalFilesFetcher``): a PDF never waits on the network, and nothing typed in a page
  or a form can make the server fetch a URL.
- The template links its stylesheet with ``{% static %}``; the print media rules apply. Fonts are
  the system's (DejaVu, Liberation: Debian's ``fonts-dejavu``, ``fonts-liberation``), with one
  ``FontConfiguration`` per document, as WeasyPrint wants when a stylesheet declares ``@font-face``.
- ``pdf_response`` makes the answer: inline or as a download, and who may keep a copy —
  ``private=True`` for anything that names a person or an appointment (no browser or proxy keeps it).

A QR code is drawn once per address (segno, error correction M, a 2-module margin) and comes as
inline SVG markup for pages and PDFs (``qr_code_svg``) or as a ``data:`` URI for an ``<img>``
(``qr_code_data_uri``); give its size in CSS.
"""

import io
import mimetypes
from functools import lru_cache
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe

import segno
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .addresses import origin
from .cache import NO_STORE
from .typography import french_spacing

# A public PDF (a sheet, the guide) follows the content: a cache may keep it but must ask again.
PUBLIC_CACHE_CONTROL = "no-cache"


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


def render_document(html, request=None):
    """Lay out ``html`` (a whole HTML document) on A4 pages: a WeasyPrint Document.

    Count its ``pages``, or call ``write_pdf()`` for the bytes.
    """
    base = origin(request)
    return weasyprint.HTML(
        string=french_spacing(html),
        base_url=base + "/",
        url_fetcher=LocalFilesFetcher(base),
        media_type="print",
    ).render(font_config=FontConfiguration())


def render_template(template_name, context, request=None):
    """The laid-out Document of a template rendered with ``context``."""
    return render_document(render_to_string(template_name, context, request=request), request)


def template_pdf(template_name, context, request=None):
    """A template as PDF bytes."""
    return render_template(template_name, context, request).write_pdf()


def pdf_response(content, filename, *, private, download=False):
    """Answer with a PDF: ``content`` is bytes, or an open file (streamed).

    ``private=True``: it names a person or an appointment, no cache keeps it. Otherwise a cache
    may keep it but asks again each time. ``download=True`` saves it instead of showing it.
    """
    if hasattr(content, "read"):
        response = FileResponse(
            content, as_attachment=download, filename=filename, content_type="application/pdf"
        )
    else:
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(download, filename)
    response["Cache-Control"] = NO_STORE if private else PUBLIC_CACHE_CONTROL
    return response


@lru_cache(maxsize=1024)
def _qr_svg(url):
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
    return buffer.getvalue().decode()


def qr_code_svg(url):
    """A QR code of ``url`` as inline SVG markup (about 0.6 KB compressed), black on white, ``class="qr-code"``."""
    svg = _qr_svg(url).replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 - segno's own output


def qr_code_data_uri(url):
    """The same QR code as a ``data:`` URI, for ``<img src>``."""
    return "data:image/svg+xml;charset=utf-8," + quote(_qr_svg(url), safe="")
