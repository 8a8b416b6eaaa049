"""What the search looks through, and how each kind of result is shown.

Results are grouped by kind, in the order of ``KINDS``: the easy-to-read
sheets first, then the other kinds, then every other page.
"""

from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

SUMMARY_WORDS = 30


@dataclass(frozen=True)
class Kind:
    key: str
    heading: str


OTHER_PAGES = Kind("pages", _("Autres pages"))

# Page types with their own group, by model label; other pages go to OTHER_PAGES.
PAGE_KINDS = {}

KINDS = [*PAGE_KINDS.values(), OTHER_PAGES]
KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Hit:
    """One search result as the reader sees it."""

    kind: Kind
    title: str
    url: str
    summary: str
    object: object


def published_pages():
    """Pages a visitor may read: published and not restricted (the tree's root is no page to read)."""
    return Page.objects.live().public().filter(depth__gt=1)


def kind_of_page(page):
    return PAGE_KINDS.get(page._meta.label, OTHER_PAGES)


def page_summary(page):
    """The one or two sentences shown under a page's title: its summary, else its description or intro."""
    for name in ("summary", "search_description", "intro"):
        value = getattr(page, name, "")
        if value:
            return Truncator(strip_tags(str(value)).strip()).words(SUMMARY_WORDS)
    return ""


def page_hit(page, request=None):
    return Hit(kind_of_page(page), page.title, page.get_url(request), page_summary(page), page)


def sort_hits(hits):
    """Group hits by kind (sheets first), keeping each kind's relevance order."""
    return sorted(hits, key=lambda hit: KIND_ORDER[hit.kind])


def published_objects():
    """Every published object the search finds, specific: the source of the spelling vocabulary."""
    yield from published_pages().specific().iterator(chunk_size=500)
