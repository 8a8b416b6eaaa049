"""What the search looks through, and how each kind of result is shown.

Results are grouped by kind, in the order of ``KINDS``: the easy-to-read
sheets first, then topics, difficult words, France services, the SPIP units
where the itinerant France services receives, and every other page. Pages are searched together; each other kind (a snippet) is searched
on its own, through ``SOURCES``.

What a page's result shows (its title, address and summary) is computed once and kept in
this process until the content changes (search/memo.py): a search then loads no page,
only the ids of those that match.
"""

from dataclasses import dataclass, field, replace

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from agenda.models import AgendaPage, ProbationUnit
from directory.models import DirectoryPage, Structure
from guides.models import GlossaryPage, GlossaryTerm

from .memo import ContentMemo
from .text import words

SUMMARY_WORDS = 30


PAGE_CARDS = ContentMemo()  # page id → Card
LINKED_PAGES = ContentMemo()  # model → the published page that shows its snippets
PROMOTIONS = ContentMemo()  # "all" → [(folded query, SearchPromotion)]


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
# Results that say none of the query's words in their title and summary, when others do.
LESS_CLOSE = Kind("more", _("Autres résultats, moins proches de votre recherche"))

KINDS = [SHEETS, TOPICS, GLOSSARY, STRUCTURES, UNITS, OTHER_PAGES, LESS_CLOSE]
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
    object: object  # the snippet, or a PageRef for a page
    said: frozenset = field(default=frozenset(), compare=False)  # roots() of the title's and summary's words


@dataclass(frozen=True)
class PageRef:
    """The page a result leads to, without loading it."""

    pk: int
    slug: str


@dataclass(frozen=True)
class Card:
    """What a page's result shows, computed once per page."""

    kind: Kind
    title: str
    url: str
    summary: str
    page: PageRef
    said: frozenset


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


def page_card(page, request=None):
    title, summary = page.title, page_summary(page)
    said = roots(words(f"{title} {summary}"))
    return Card(kind_of_page(page), title, page.get_url(request), summary, PageRef(page.pk, page.slug), said)


def page_hits(page_ids, request=None):
    """The hits of the pages ``page_ids`` (in order), from their cards; the missing cards are made in one go."""
    cards = PAGE_CARDS.current()
    missing = [pk for pk in page_ids if pk not in cards]
    if missing:
        for page in Page.objects.filter(pk__in=missing).specific():
            cards[page.pk] = page_card(page, request)
    return [
        Hit(card.kind, card.title, card.url, card.summary, card.page, card.said)
        for card in (cards.get(pk) for pk in page_ids)
        if card is not None
    ]


def promotions():
    """[(folded query, SearchPromotion)] of every promoted result, in the editors' order."""
    memo = PROMOTIONS.current()
    if "all" not in memo:
        found = SearchPromotion.objects.select_related("query", "page").order_by("sort_order")
        memo["all"] = [(" ".join(words(promotion.query.query_string)), promotion) for promotion in found]
    return memo["all"]


class Links:
    """The pages that show snippets, and their addresses (relative), kept until the content changes."""

    def page(self, model):
        pages = LINKED_PAGES.current()
        if model not in pages:
            pages[model] = model.objects.live().first()
        return pages[model]

    def url(self, model, subpage=None, *args):
        """The address of ``model``'s page, or of one of its subpages; "" without such a page."""
        urls = LINKED_PAGES.current()
        key = (model, subpage, args)
        if key not in urls:
            page = self.page(model)
            if page is None:
                urls[key] = ""
            else:
                urls[key] = page.url + (
                    page.reverse_subpage(subpage, args=args).lstrip("/") if subpage else ""
                )
        return urls[key]


def glossary_hit(term, request=None, links=None):
    url = (links or Links()).url(GlossaryPage)
    return Hit(GLOSSARY, term.term, f"{url}#{term.slug}" if url else "", short(term.definition), term)


def structure_hit(structure, request=None, links=None):
    url = (links or Links()).url(DirectoryPage, "structure", structure.slug)
    return Hit(STRUCTURES, structure.name, url, structure.place_label, structure)


def unit_hit(unit, request=None, links=None):
    url = (links or Links()).url(AgendaPage, "unit", unit.slug)
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


def roots(folded_words):
    """The words, and the roots ("decla*") of those long enough to have one: what ``says`` looks in."""
    return frozenset(folded_words) | {
        word[:ROOT_LENGTH] + "*" for word in folded_words if len(word) >= ROOT_LENGTH
    }


def says(said, word):
    """True when ``said`` (roots of some words) holds ``word`` or a word of the same root."""
    return word in said or (len(word) >= ROOT_LENGTH and word[:ROOT_LENGTH] + "*" in said)


def words_said(hit, wanted):
    """How many of the ``wanted`` words (folded) the hit's title and summary say."""
    said = hit.said or roots(words(f"{hit.title} {hit.summary}"))
    return sum(1 for word in wanted if says(said, word))


def sort_hits(hits, wanted=()):
    """Group hits by kind (sheets first); within a kind, those whose title and summary say
    more of the ``wanted`` words come first, then the search backend's relevance order.

    A sheet's title and one-sentence summary state its subject: a word there says more
    than the same word deep in another sheet's text. So when some hits say a wanted word
    there, those that say none are put last, together, as "less close" results: a clear
    best match is not drowned by sheets that only mention a word in passing.
    """
    wanted = set(wanted)
    counted = [(hit, words_said(hit, wanted)) for hit in hits]
    some_say = any(count for _hit, count in counted)

    def less_close(count):
        return some_say and count == 0

    counted.sort(key=lambda item: (less_close(item[1]), KIND_ORDER[item[0].kind], -item[1]))
    return [replace(hit, kind=LESS_CLOSE) if less_close(count) else hit for hit, count in counted]


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
