"""Keep the search's caches in step with the published content and the synonyms."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from directory.signals import structures_imported

from . import spelling, synonyms
from .kinds import SOURCES
from .models import Synonym


def content_published(sender, instance, **kwargs):
    """A page was published, unpublished or deleted: the vocabulary must be rebuilt."""
    if isinstance(instance, Page):
        spelling.vocabulary_is_stale()


def snippet_changed(sender, raw=False, **kwargs):
    """A difficult word or a France services changed (snippets are published when saved)."""
    if not raw:
        spelling.vocabulary_is_stale()


def synonym_changed(sender, instance, **kwargs):
    synonyms.forget_rules()


def connect():
    page_published.connect(content_published, dispatch_uid="search-page-published")
    page_unpublished.connect(content_published, dispatch_uid="search-page-unpublished")
    post_delete.connect(content_published, dispatch_uid="search-content-deleted")
    for source in SOURCES:
        label = source.model._meta.label
        post_save.connect(snippet_changed, sender=source.model, dispatch_uid=f"search-saved-{label}")
        post_delete.connect(snippet_changed, sender=source.model, dispatch_uid=f"search-deleted-{label}")
    structures_imported.connect(snippet_changed, dispatch_uid="search-structures-imported")
    post_save.connect(synonym_changed, sender=Synonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(synonym_changed, sender=Synonym, dispatch_uid="search-synonym-deleted")
