"""Keep the search's caches in step with the content and the synonyms."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page

from . import spelling, synonyms
from .models import Synonym


def content_changed(sender, instance, **kwargs):
    """A page was saved, published, unpublished or deleted: the vocabulary must be rebuilt."""
    if isinstance(instance, Page):
        spelling.vocabulary_is_stale()


def synonym_changed(sender, instance, **kwargs):
    synonyms.forget_rules()


def connect():
    post_save.connect(content_changed, dispatch_uid="search-content-saved")
    post_delete.connect(content_changed, dispatch_uid="search-content-deleted")
    post_save.connect(synonym_changed, sender=Synonym, dispatch_uid="search-synonym-saved")
    post_delete.connect(synonym_changed, sender=Synonym, dispatch_uid="search-synonym-deleted")
