"""Spelling: the words of the published content, and the closest one to a word typed wrong.

The vocabulary (every word of the published content, with how often it
appears) is built when first needed, kept in the cache, and rebuilt after
content is published, unpublished, changed or deleted (search/signals.py
marks it stale; the next search rebuilds it). Edit distances come from
rapidfuzz (optimal string alignment: a swap of two letters is one typo).
"""

import html
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.search import index

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .kinds import published_objects
from .text import WORD_RE, fold, is_meaningful, words

VERSION_KEY = "search:vocabulary:version"
DATA_KEY = "search:vocabulary:{}"
# An old vocabulary stays in the cache for a day at most after it was replaced.
DATA_TIMEOUT = 24 * 60 * 60

# Words shorter than this are never corrected: too many short words are one typo apart.
MIN_WORD_LENGTH = 4
# A suggestion is "clearly best" when no other is as close, or when it is this
# many times more frequent in the content than the next one as close.
CLEAR_FREQUENCY_RATIO = 3
CANDIDATES = 8


@dataclass
class Vocabulary:
    counts: dict  # folded word → how many times it appears
    forms: dict  # folded word → the form most often written ("allocation", "vitale")
    titles: list  # (folded words, title) of published content, for suggestions while typing

    def __contains__(self, word):
        return word in self.counts

    def form(self, word):
        return self.forms.get(word, word)


def searchable_texts(obj, fields=None):
    """The texts of ``obj`` that the search indexes, HTML removed."""
    for field in obj.get_search_fields() if fields is None else fields:
        if isinstance(field, (index.SearchField, index.AutocompleteField)):
            yield from flatten(field.get_value(obj))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from searchable_texts(item, field.fields)


def flatten(value):
    if value is None:
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from flatten(item)
    else:
        yield html.unescape(strip_tags(str(value)))


def build_vocabulary():
    counts = Counter()
    written = defaultdict(Counter)
    titles = []
    for obj in published_objects():
        for text in searchable_texts(obj):
            for token in WORD_RE.findall(text):
                word = fold(token)
                if len(word) >= MIN_WORD_LENGTH and not word.isdigit() and is_meaningful(word):
                    counts[word] += 1
                    written[word][token.lower()] += 1
        titles.append((tuple(words(str(obj))), str(obj)))
    forms = {word: spellings.most_common(1)[0][0] for word, spellings in written.items()}
    return Vocabulary(dict(counts), forms, titles)


_memo = {"version": None, "vocabulary": None}


def get_vocabulary():
    """The current vocabulary: from this process's memory, else the cache, else built now."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    if _memo["version"] == version:
        return _memo["vocabulary"]
    vocabulary = cache.get(DATA_KEY.format(version))
    if vocabulary is None:
        vocabulary = build_vocabulary()
        cache.set(DATA_KEY.format(version), vocabulary, DATA_TIMEOUT)
    _memo.update(version=version, vocabulary=vocabulary)
    return vocabulary


def vocabulary_is_stale():
    """Published content changed: the next search rebuilds the vocabulary.

    Marked at once, and again once the change is committed, in case a search
    rebuilt it from the content as it was in between.
    """

    def new_version():
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    new_version()
    transaction.on_commit(new_version)


def allowed_distance(word):
    if len(word) < MIN_WORD_LENGTH:
        return 0
    if len(word) <= 6:
        return 1
    if len(word) <= 10:
        return 2
    return 3


@dataclass(frozen=True)
class Candidate:
    word: str  # folded
    distance: int  # typos between the word typed and this word
    first_letter_differs: bool  # people rarely get the first letter wrong
    count: int  # how often the content uses it

    @property
    def closeness(self):
        return (self.distance, self.first_letter_differs)


def candidates(word, vocabulary, limit=CANDIDATES):
    """Words of the vocabulary close to ``word``, best first."""
    cutoff = allowed_distance(word)
    if cutoff == 0:
        return []
    found = process.extract(
        word, vocabulary.counts.keys(), scorer=OSA.distance, score_cutoff=cutoff, limit=limit
    )
    ranked = [
        Candidate(choice, int(distance), choice[0] != word[0], vocabulary.counts[choice])
        for choice, distance, _key in found
        if choice != word
    ]
    return sorted(ranked, key=lambda candidate: (candidate.closeness, -candidate.count, candidate.word))


def is_clearly_best(ranked):
    """True when the first candidate beats the others without doubt: closer, or as close and far more used."""
    if len(ranked) < 2:
        return bool(ranked)
    first, second = ranked[0], ranked[1]
    return first.closeness < second.closeness or first.count >= CLEAR_FREQUENCY_RATIO * second.count


@dataclass(frozen=True)
class Correction:
    word: str  # the folded word typed
    choices: tuple  # Candidate, best first
    clear: bool

    @property
    def best(self):
        return self.choices[0]


def correct(words, vocabulary, keep=frozenset()):
    """Corrections for the ``words`` (folded) the vocabulary does not know, except those in ``keep``."""
    corrections = {}
    for word in words:
        if word in vocabulary or word in keep or word in corrections or word.isdigit():
            continue
        ranked = candidates(word, vocabulary)
        if ranked:
            corrections[word] = Correction(word, tuple(ranked), is_clearly_best(ranked))
    return corrections
