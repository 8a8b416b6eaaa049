"""What the search looks through, and how each kind of result is shown.

Results are grouped by kind, in the order of ``KINDS``: the easy-to-read
sheets first, then topics, difficult words, France services, the SPIP units
where the itinerant France services receives, and every other page. Pages are searched together; each other kind (a snippet) is searched
on its own, through ``SOURCES``.
"""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from agenda.models import AgendaPage, ProbationUnit
from directory.models import DirectoryPage, Structure
from guides.models import GlossaryPage, GlossaryTerm

from .text import words

SUMMARY_WORDS = 30


@dataclass(frozen=True)
class Kind:
    key: str
    heading: str = field(compare=False)  # a lazy translation: costly to hash


SHEETS = Kind("sheets", _("Fiches pratiques"))
TOPICS = Kind("topics", _("Thèmes"))
GLOSSARY = Kind("glossary", _("Mots difficiles"))
STRUCTURES = Kind("structures", _("France services"))
UNITS = Kind("units", _("France services dans les locaux du SPIP"))
OTHER_PAGES = Kind("pages", _("Autres pages"))

KINDS = [SHEETS, TOPICS, GLOSSARY, STRUCTURES, UNITS, OTHER_PAGES]
KIND_ORDER = {kind: position for position, kind in enumerate(KINDS)}

# Page types with their own group, by model label; other pages go to OTHER_PAGES.
PAGE_KINDS = {"guides.ProcedureSheetPage": SHEETS, "guides.TopicPage": TOPICS}


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


def short(text):
    return Truncator(strip_tags(str(text)).strip()).words(SUMMARY_WORDS)


def page_summary(page):
    """The sentence shown under a page's title: its summary, else its description or intro."""
    for name in ("summary", "search_description", "intro"):
        value = getattr(page, name, "")
        if value:
            return short(value)
    return ""


def page_hit(page, request=None, links=None):
    return Hit(kind_of_page(page), page.title, page.get_url(request), page_summary(page), page)


class Links:
    """Addresses of the pages that show snippets, looked up once per search."""

    def __init__(self):
        self._pages = {}

    def page(self, model):
        if model not in self._pages:
            self._pages[model] = model.objects.live().first()
        return self._pages[model]


def glossary_hit(term, request=None, links=None):
    page = (links or Links()).page(GlossaryPage)
    url = f"{page.get_url(request)}#{term.slug}" if page else ""
    return Hit(GLOSSARY, term.term, url, short(term.definition), term)


def structure_hit(structure, request=None, links=None):
    page = (links or Links()).page(DirectoryPage)
    url = page.structure_url(structure) if page else ""
    return Hit(STRUCTURES, structure.name, url, structure.place_label, structure)


def unit_hit(unit, request=None, links=None):
    page = (links or Links()).page(AgendaPage)
    url = page.unit_url(unit, request=request) if page else ""
    summary = ", ".join(unit.address_lines) or f"{unit.postcode} {unit.commune}"
    return Hit(UNITS, unit.name, url, summary, unit)


@dataclass(frozen=True)
class Source:
    """A kind of snippet the search looks through: which ones readers may see, how to show one."""

    kind: Kind
    model: type
    published: object  # () -> QuerySet
    hit: object  # (obj, request, links) -> Hit
    limit: int


SOURCES = [
    Source(GLOSSARY, GlossaryTerm, lambda: GlossaryTerm.objects.all(), glossary_hit, 5),
    Source(STRUCTURES, Structure, lambda: Structure.objects.in_department(), structure_hit, 10),
    Source(UNITS, ProbationUnit, lambda: ProbationUnit.objects.all(), unit_hit, 3),
]


# Two words share a root when they are equal, or when both are at least this long
# and start alike ("déclarer" and "déclaration", "revenu" and "revenus").
ROOT_LENGTH = 5


def same_root(word, other):
    return word == other or (
        len(word) >= ROOT_LENGTH <= len(other) and word[:ROOT_LENGTH] == other[:ROOT_LENGTH]
    )


def words_said(hit, wanted):
    """How many of the ``wanted`` words (folded) the hit's title and summary say."""
    said = words(f"{hit.title} {hit.summary}")
    return sum(1 for word in wanted if any(same_root(word, other) for other in said))


def sort_hits(hits, wanted=()):
    """Group hits by kind (sheets first); within a kind, those whose title and summary say
    more of the ``wanted`` words come first, then the search backend's relevance order.

    A sheet's title and one-sentence summary state its subject: a word there says more
    than the same word deep in another sheet's text.
    """
    wanted = set(wanted)
    return sorted(hits, key=lambda hit: (KIND_ORDER[hit.kind], -words_said(hit, wanted)))


def published_querysets():
    """Everything the search finds: published pages, then each kind of snippet."""
    return [published_pages(), *(source.published() for source in SOURCES)]


def published_objects():
    """Every published object the search finds, specific: a source of the spelling vocabulary."""
    yield from published_pages().specific().iterator(chunk_size=500)
    for source in SOURCES:
        yield from source.published().iterator(chunk_size=500)


def published_titles():
    """The titles of everything the search finds, for suggestions while typing."""
    yield from published_pages().values_list("title", flat=True).iterator(chunk_size=2000)
    for source in SOURCES:
        for obj in source.published():
            yield str(obj)
