"""Keep the search index right when what a sheet shows from elsewhere changes.

A sheet's index entry holds its partners' names. Partners are saved after
the page row, so the entry made on save misses them: index the sheet again
once it is published, and again when a partner is renamed.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published

from .models import Partner, ProcedureSheetPage


@receiver(page_published, sender=ProcedureSheetPage, dispatch_uid="guides-index-published-sheet")
def index_published_sheet(sender, instance, **kwargs):
    insert_or_update_object(instance)


@receiver(post_save, sender=Partner, dispatch_uid="guides-index-partner-sheets")
def index_partner_sheets(sender, instance, created, **kwargs):
    if not created:
        for sheet in instance.procedure_sheets.all():
            insert_or_update_object(sheet)
