"""Find a commune of Seine-et-Marne the way people type it.

"dammartin en goele", "DAMMARTIN-EN-GOËLE", "st fargeau", "77230", "ferte sous jouarre": all
find their commune. Accents, case, hyphens, apostrophes, "st"/"ste" and a leading article do
not matter; a postcode gives every commune it serves (the page then asks which one); an unknown
name gets the closest names (rapidfuzz).

The public functions other apps use:

- ``find_communes(text)`` → the communes the text designates (0, 1 or several);
- ``suggest_communes(text)`` → the closest names when nothing matched;
- ``distance_km(a, b)`` → straight-line distance between two (latitude, longitude) points.

They read the communes once per process from the ``Commune`` table (507 rows) and keep them in
memory; ``clear_cache()`` forgets them (called when a commune changes).
"""

import math
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import distance, fuzz, process

# Longer input is not a commune name: cut it before any work.
MAX_QUERY_LENGTH = 100
# Prefix search ("fontaineb") starts at this many letters, so that "a" does not list half the département.
MIN_PREFIX_LENGTH = 3
SUGGESTION_CUTOFF = 60

ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
ARTICLES = {"le", "la", "les", "l"}
POSTCODE = re.compile(r"\d{2} ?\d{3}")
EARTH_RADIUS_KM = 6371.0


def clean_query(text):
    """What a search box can safely work on: no null byte, no surrounding space, bounded length."""
    return (text or "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def normalize(text):
    """A comparable key: "Saint-Fargeau-Ponthierry", "ST-FARGEAU-PONTHIERRY", "st fargeau ponthierry" → "saint fargeau ponthierry"."""
    text = clean_query(text).lower().replace("œ", "oe").replace("æ", "ae")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"\bs/", " sur ", text)
    words = [ABBREVIATIONS.get(word, word) for word in re.findall(r"[a-z0-9]+", text)]
    return " ".join(words)


def without_article(key):
    """The key without its leading article ("la ferte sous jouarre" → "ferte sous jouarre"): people often leave it out."""
    first, _, rest = key.partition(" ")
    return rest if first in ARTICLES and rest else key


def similarity(a, b, **kwargs):
    """0–100: rapidfuzz's WRatio (good with word order and "st" forms) averaged with Jaro-Winkler
    (good with misspelt endings: "fontenblo" → Fontainebleau)."""
    return (fuzz.WRatio(a, b) + 100 * distance.JaroWinkler.normalized_similarity(a, b)) / 2


def distance_km(a, b):
    """Great-circle (haversine) distance in km between two (latitude, longitude) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class _Entry:
    key: str
    short_key: str
    commune: object


class CommuneIndex:
    """Communes keyed by their normalized names and by postcode.

    ``communes`` are objects with ``name`` and ``postcode_list``; the ``Commune`` model has both.
    """

    def __init__(self, communes):
        self.entries = []
        self.by_postcode = {}
        for commune in sorted(communes, key=lambda c: normalize(c.name)):
            key = normalize(commune.name)
            self.entries.append(_Entry(key, without_article(key), commune))
            for postcode in commune.postcode_list:
                self.by_postcode.setdefault(postcode, []).append(commune)
        self.choices = {}
        for position, entry in enumerate(self.entries):
            self.choices[(position, "full")] = entry.key
            if entry.short_key != entry.key:
                self.choices[(position, "short")] = entry.short_key

    def find(self, text):
        text = clean_query(text)
        if POSTCODE.fullmatch(text):
            return list(self.by_postcode.get(text.replace(" ", ""), []))
        key = normalize(text)
        if not key:
            return []
        short = without_article(key)
        exact = [e.commune for e in self.entries if e.short_key == short]
        if exact or len(short) < MIN_PREFIX_LENGTH:
            return exact
        return [e.commune for e in self.entries if e.key.startswith(key) or e.short_key.startswith(short)]

    def suggest(self, text, limit=5):
        key = normalize(text)
        if not key:
            return []
        matches = process.extract(
            key, self.choices, scorer=similarity, limit=limit * 2, score_cutoff=SUGGESTION_CUTOFF
        )
        suggestions = []
        for _choice, _score, (position, _kind) in matches:
            commune = self.entries[position].commune
            if commune not in suggestions:
                suggestions.append(commune)
        return suggestions[:limit]


_index = None


def default_index():
    """The index of every commune in the database, built once per process."""
    global _index
    if _index is None:
        from .models import Commune

        _index = CommuneIndex(Commune.objects.all())
    return _index


def clear_cache(**kwargs):
    global _index
    _index = None


def find_communes(text, index=None):
    """The communes ``text`` designates: one for a name, several for a shared postcode or a prefix, none if unknown."""
    return (index or default_index()).find(text)


def suggest_communes(text, limit=5, index=None):
    """Up to ``limit`` communes whose names are closest to ``text``, best first."""
    return (index or default_index()).suggest(text, limit=limit)
