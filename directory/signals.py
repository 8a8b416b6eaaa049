"""Keep derived data fresh: the stored PDF guide, and the in-memory commune index."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import communes, guide
from .models import Closure, Commune, OpeningHours, Stop, Structure


def data_changed(sender, raw=False, **kwargs):
    if not raw:
        guide.schedule_rebuild()


def connect_signals():
    for model in (Structure, OpeningHours, Closure, Stop, "guides.Partner"):
        post_save.connect(data_changed, sender=model, dispatch_uid=f"directory-guide-save-{model}")
        post_delete.connect(data_changed, sender=model, dispatch_uid=f"directory-guide-delete-{model}")
    m2m_changed.connect(
        data_changed, sender=Structure.partners.through, dispatch_uid="directory-guide-partners"
    )
    for signal in (post_save, post_delete):
        signal.connect(communes.clear_cache, sender=Commune, dispatch_uid=f"directory-communes-{signal}")
