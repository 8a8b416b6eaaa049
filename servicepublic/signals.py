"""Signals of the official sheets."""

from django.dispatch import Signal

# Sent after an import wrote sheets in bulk (no post_save): pages that show them are stale.
# Arguments: ``report`` (``importer.ImportReport``).
official_sheets_imported = Signal()
