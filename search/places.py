"""A commune or a postcode in the query: the nearest France services.

"77100", "france services meaux", "caf a la ferte sous jouarre": the search
page then shows the three nearest structures open to everyone on top. A structure
that receives only people invited by their CPIP (the SPIP's itinerant one) is
listed apart, after them, with no distance: it is no place to walk in. The communes are found
by the directory's lookup (``directory.communes``), which ignores accents,
hyphens, "st" and leading articles.
"""

import re
from dataclasses import dataclass, field

from directory.communes import default_index, find_communes, normalize, without_article
from directory.models import DirectoryPage, Structure

from .kinds import Links, structure_hit

POSTCODE_RE = re.compile(r"(?<!\d)\d{2} ?\d{3}(?!\d)")
TOKEN_RE = re.compile(r"[^\W_]+")
NEAREST = 3
# Longest commune name looked for, in words ("Saint-Germain-sur-École" is 4), and the
# longest query looked through (a whole question names a commune in its first words).
MAX_NAME_WORDS = 5
MAX_QUERY_WORDS = 12
# One-word names this short are too often ordinary words.
MIN_ONE_WORD_NAME = 4


@dataclass
class NearbyStructure:
    hit: object  # kinds.Hit
    distance_km: float
    status: str


@dataclass
class Place:
    """Where the reader said they are, and the France services nearest to it."""

    label: str  # "Meaux" or "77230"
    nearby: list = field(default_factory=list)  # NearbyStructure open to everyone, nearest first
    by_invitation: list = field(default_factory=list)  # kinds.Hit of those near it that receive on invitation
    more_url: str = ""  # the directory's page for this place
    several_communes: bool = False  # a postcode shared by several communes: the directory asks which


_names = {"index": None, "communes": {}}


def communes_named(text):
    """Communes whose whole name is ``text`` (a prefix is not enough)."""
    index = default_index()
    if _names["index"] is not index:  # built once per commune index
        names = {}
        for entry in index.entries:
            names.setdefault(entry.short_key, []).append(entry.commune)
        _names.update(index=index, communes=names)
    return list(_names["communes"].get(without_article(normalize(text)), []))


def find_communes_in(query):
    """(label, communes) for the first postcode, else the longest commune name, in ``query``."""
    for match in POSTCODE_RE.finditer(query):
        found = find_communes(match.group())
        if found:
            return match.group().replace(" ", ""), found
    tokens = TOKEN_RE.findall(query)[:MAX_QUERY_WORDS]
    for size in range(min(len(tokens), MAX_NAME_WORDS), 0, -1):
        for start in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[start : start + size])
            if size == 1 and len(phrase) < MIN_ONE_WORD_NAME:
                continue
            found = communes_named(phrase)
            if found:
                return found[0].name, found
    return None, []


def find_place(query, request=None):
    """The Place the query names, with its nearest France services; None when it names none."""
    label, communes = find_communes_in(query)
    if not communes:
        return None
    directory = DirectoryPage.objects.live().first()
    more_url = directory.search_url(label) if directory else ""
    if len(communes) > 1:
        return Place(label, more_url=more_url, several_communes=True)
    links = Links()
    # The directory's rule, the same as its commune search: those on invitation apart, no distance.
    around = Structure.objects.in_department().around(communes[0], limit=NEAREST)
    nearby = [
        NearbyStructure(
            structure_hit(item.structure, request, links), item.distance_km, item.structure.status_text()
        )
        for item in around.nearby
    ]
    by_invitation = [structure_hit(structure, request, links) for structure in around.by_invitation]
    return Place(label, nearby, by_invitation, communes[0].get_absolute_url() or more_url)
