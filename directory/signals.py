"""Keep derived data fresh: the stored PDF guide, and the in-memory commune index.

``structures_imported`` is sent by the import of the official list, which writes in bulk (no
``post_save``): ``sender=Structure, structures=[the structures created or updated]``. Anything
that caches what structures show (the guide here, a page cache elsewhere) can listen to it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from . import communes, guide
from .models import DEPARTMENT, Closure, Commune, OpeningHours, Stop, Structure

structures_imported = Signal()


def data_changed(sender, raw=False, **kwargs):
    if not raw:
        guide.mark_stale()


def structures_were_imported(sender, structures, **kwargs):
    # The guide shows the département's structures only.
    if any(structure.department == DEPARTMENT for structure in structures):
        guide.mark_stale()


def connect_signals():
    for model in (Structure, OpeningHours, Closure, Stop, "guides.Partner"):
        post_save.connect(data_changed, sender=model, dispatch_uid=f"directory-guide-save-{model}")
        post_delete.connect(data_changed, sender=model, dispatch_uid=f"directory-guide-delete-{model}")
    m2m_changed.connect(
        data_changed, sender=Structure.partners.through, dispatch_uid="directory-guide-partners"
    )
    structures_imported.connect(structures_were_imported, dispatch_uid="directory-guide-import")
    for signal in (post_save, post_delete):
        signal.connect(communes.clear_cache, sender=Commune, dispatch_uid=f"directory-communes-{signal}")
