"""The downloadable guide of the France services of Seine-et-Marne (a PDF drawn by ``portal.pdf``).

The PDF is built from the current data and stored once in the default storage (MEDIA); the
directory page serves that stored file. Drawing it takes WeasyPrint about 1.3 s (6 s on a loaded
machine), too long for an editor's save: a change to a structure, its hours, closures, stops or
partners only marks the stored guide stale (``signals.py`` calls ``mark_stale``, once the
transaction commits; a few milliseconds). The next download rebuilds it before serving it, and
``manage.py build_france_services_guide --if-stale`` rebuilds it off any request (run it from
cron every few minutes: see docs/deploy.md).

The mark is a small file next to the guide holding a number; a rebuild removes it only if no
change came while it drew, so a change made during a rebuild is never lost.
"""

import logging
import threading
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from portal.addresses import page_full_url
from portal.pdf import pdf_response, qr_code_data_uri, render_document

from .grouping import group_by_arrondissement

GUIDE_PATH = "directory/guide-france-services-seine-et-marne.pdf"
STALE_PATH = "directory/guide-france-services-seine-et-marne.stale"
DOWNLOAD_NAME = "guide-france-services-seine-et-marne.pdf"

_state = threading.local()
logger = logging.getLogger(__name__)


def guide_html():
    """The guide as HTML: a cover with the directory page's address, then one section per arrondissement."""
    from guides.models import Partner

    from .models import DirectoryPage, Structure

    page = DirectoryPage.objects.live().first()
    url = page_full_url(page) if page else ""
    structures = list(Structure.objects.in_department().with_details())
    context = {
        "groups": group_by_arrondissement(structures),
        "count": len(structures),
        "partners": Partner.objects.exclude(explanation=""),
        "url": url,
        "qr_code": qr_code_data_uri(url) if url else "",
        "today": timezone.localdate(),
    }
    return render_to_string("directory/guide_pdf.html", context)


def build_pdf():
    """The guide as PDF bytes."""
    return render_document(guide_html()).write_pdf()


def _replace(path, content):
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, ContentFile(content))


def store():
    """Build the guide and replace the stored file; it is fresh unless data changed meanwhile. Its size in bytes."""
    mark = _stale_mark()
    try:
        pdf = build_pdf()
    except Exception:
        logger.exception("The France services guide PDF could not be rebuilt")
        raise
    _replace(GUIDE_PATH, pdf)
    if mark is not None and _stale_mark() == mark:
        default_storage.delete(STALE_PATH)
    return len(pdf)


def _stale_mark():
    if not default_storage.exists(STALE_PATH):
        return None
    with default_storage.open(STALE_PATH, "rb") as file:
        return file.read()


def _write_if_pending():
    if getattr(_state, "pending", False):
        _state.pending = False
        _replace(STALE_PATH, str(time.time_ns()).encode())


def mark_stale():
    """The data changed: the stored guide is stale once the current transaction commits (one write
    however many rows the transaction changed)."""
    _state.pending = True
    transaction.on_commit(_write_if_pending, robust=True)


def is_stale():
    return not default_storage.exists(GUIDE_PATH) or default_storage.exists(STALE_PATH)


def rebuild_if_stale():
    """Rebuild the guide if it is missing or stale: its size in bytes, or None when it was fresh."""
    return store() if is_stale() else None


def guide_info():
    """{"size": bytes, "updated": datetime} of the stored guide, or None while it is stale or missing."""
    if is_stale():
        return None
    return {
        "size": default_storage.size(GUIDE_PATH),
        "updated": default_storage.get_modified_time(GUIDE_PATH),
    }


def guide_response():
    """The stored guide as a download; rebuilt first if the data changed since (or it was never built)."""
    rebuild_if_stale()
    return pdf_response(default_storage.open(GUIDE_PATH, "rb"), DOWNLOAD_NAME, private=False, download=True)
