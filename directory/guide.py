"""The downloadable guide of the France services of Seine-et-Marne (a PDF drawn by ``portal.pdf``).

The PDF is built from the current data and stored once in the default storage (MEDIA); the
directory page serves that stored file. It is rebuilt after any change to a structure, its
hours, closures, stops or partners (``signals.py`` calls ``schedule_rebuild``), once per
transaction, through a django-tasks task: Wagtail's default task backend runs it at once,
a real queue runs it in a worker.
"""

import logging
import threading

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import task

from portal.addresses import page_full_url
from portal.pdf import pdf_response, qr_code_data_uri, render_document

from .grouping import group_by_arrondissement

GUIDE_PATH = "directory/guide-france-services-seine-et-marne.pdf"
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


def store():
    """Build the guide and replace the stored file. Returns its size in bytes."""
    pdf = build_pdf()
    if default_storage.exists(GUIDE_PATH):
        default_storage.delete(GUIDE_PATH)
    default_storage.save(GUIDE_PATH, ContentFile(pdf))
    return len(pdf)


@task()
def rebuild_guide():
    try:
        return store()
    except Exception:
        # The immediate task backend keeps errors silent: say it in the logs.
        logger.exception("The France services guide PDF could not be rebuilt")
        raise


def _rebuild_if_needed():
    if getattr(_state, "dirty", False):
        _state.dirty = False
        rebuild_guide.enqueue()


def schedule_rebuild():
    """Rebuild the guide once the current transaction commits (once, however many changes it holds)."""
    _state.dirty = True
    transaction.on_commit(_rebuild_if_needed, robust=True)


def guide_info():
    """{"size": bytes, "updated": datetime} of the stored guide, or None before its first build."""
    if not default_storage.exists(GUIDE_PATH):
        return None
    return {
        "size": default_storage.size(GUIDE_PATH),
        "updated": default_storage.get_modified_time(GUIDE_PATH),
    }


def guide_response():
    """The stored guide as a download; built first if it was never built (a fresh install)."""
    if not default_storage.exists(GUIDE_PATH):
        store()
    return pdf_response(default_storage.open(GUIDE_PATH, "rb"), DOWNLOAD_NAME, private=False, download=True)
