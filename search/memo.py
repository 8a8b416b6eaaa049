"""Values computed from the published content, kept in this process until the content changes.

The page cache's content version (portal/cache.py) changes on every publication, move or
deletion of a page and every change of a model a page shows; a ``ContentMemo`` empties
itself when it does. The search keeps there what it would otherwise read on every request:
what each result shows, the editors' promoted results, the search index's row map.
"""

from portal.cache import content_version


class ContentMemo:
    """A dict emptied when the content changes."""

    def __init__(self):
        self.version = None
        self.values = {}

    def current(self):
        version = content_version()
        if version != self.version:
            self.version, self.values = version, {}
        return self.values
