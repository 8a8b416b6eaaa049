"""Spelling: the words of the published content, and the closest one to a word typed wrong.

The vocabulary (every word of the published content, with how often it
appears) is built when first needed, kept in the cache, and rebuilt when
content is published, unpublished or deleted (search/signals.py). Edit
distances come from rapidfuzz (optimal string alignment: a swap of two
letters is one typo).
"""

import html
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from heapq import nlargest

from django.core.cache import cache
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.html import strip_tags

from wagtail.search import index
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from django_tasks import task
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.utils import get_descendants_content_types_pks
from rapidfuzz import process
from rapidfuzz.distance import OSA

from directory.communes import ABBREVIATIONS
from directory.models import Commune

from .kinds import published_objects, published_querysets, published_titles
from .prefixes import TitleIndex, WordPrefixes
from .text import WORD_RE, fold, is_meaningful, words

# The content's version, changed by every publication; the version the latest
# vocabulary was built from; and that vocabulary.
CONTENT_VERSION_KEY = "search:vocabulary:content-version"
BUILT_KEY = "search:vocabulary:built"
DATA_KEY = "search:vocabulary:data:{}"
# An old vocabulary stays in the cache for a day at most after it was replaced.
DATA_TIMEOUT = 24 * 60 * 60

# Words shorter than this are never corrected: too many short words are one typo apart.
MIN_WORD_LENGTH = 4
# A suggestion is "clearly best" when no other is as close, or when it is this
# many times more frequent in the content than the next one as close.
CLEAR_FREQUENCY_RATIO = 3
CANDIDATES = 15
DOUBLED_RE = re.compile(r"(.)\1+")


@dataclass
class Vocabulary:
    counts: dict  # folded word → how many times it appears
    forms: dict  # folded word → the form most often written ("allocation", "vitale")
    titles: TitleIndex = None  # published titles by their words, for suggestions while typing
    known: frozenset = frozenset()  # every folded word of the content, any length, and of the communes
    prefixes: WordPrefixes = None  # the words of ``counts``, to complete a word being typed

    def completions(self, start, limit):
        """Up to ``limit`` words starting with ``start`` (and longer), the most used first."""
        words = [
            word
            for word in (self.prefixes or WordPrefixes(self.counts)).starting_with(start)
            if word != start
        ]
        return nlargest(limit, words, key=self.counts.__getitem__)

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


def texts_from_objects():
    """Every indexed text of every published object, computed from the objects (slow: any backend)."""
    for obj in published_objects():
        yield from searchable_texts(obj)


def texts_from_index():
    """The same texts, as the database search backend stored them in its index (fast)."""
    fields = ["title", "body"]
    if any(field.name == "body_text" for field in IndexEntry._meta.get_fields()):
        fields = ["title_text", "body_text"]  # PostgreSQL: "title" and "body" are text-search vectors
    for queryset in published_querysets():
        published = queryset.annotate(_pk_text=Cast("pk", TextField())).values("_pk_text")
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(queryset.model), object_id__in=published
        )
        for texts in entries.values_list(*fields).iterator(chunk_size=1000):
            yield from texts


def build_vocabulary():
    texts = texts_from_objects() if uses_elasticsearch() else texts_from_index()
    tokens = Counter()
    for text in texts:
        tokens.update(WORD_RE.findall(text.lower()))
    titles = TitleIndex([(tuple(words(title)), title) for title in published_titles()])
    counts = Counter()
    written = defaultdict(Counter)
    for token, count in tokens.items():  # each distinct spelling is folded once
        word = fold(token)
        if len(word) >= MIN_WORD_LENGTH and not word.isdigit() and is_meaningful(word):
            counts[word] += count
            written[word][token] += count
    forms = {word: spellings.most_common(1)[0][0] for word, spellings in written.items()}
    known = {fold(token) for token in tokens} | commune_words()
    return Vocabulary(dict(counts), forms, titles, frozenset(known), WordPrefixes(counts))


def commune_words():
    """The words of the communes' names ("saint", "fargeau"…) and their postcodes."""
    found = set(ABBREVIATIONS)
    for name, postcodes in Commune.objects.values_list("name", "postcodes"):
        found.update(words(name))
        found.update(code for code in postcodes.split("|") if code)
    return found


def uses_elasticsearch():
    return isinstance(get_search_backend(), ElasticsearchBaseSearchBackend)


_memo = {"token": None, "vocabulary": None}


def get_vocabulary():
    """The latest vocabulary: from this process's memory, else the cache, else built now.

    After a publication the previous vocabulary serves until the new one is
    built, so that no reader waits for it.
    """
    token = cache.get(BUILT_KEY)
    if token is not None and _memo["token"] == token:
        return _memo["vocabulary"]
    vocabulary = cache.get(DATA_KEY.format(token)) if token else None
    if vocabulary is None:
        return rebuild_vocabulary()
    _memo.update(token=token, vocabulary=vocabulary)
    return vocabulary


def rebuild_vocabulary():
    """Build the vocabulary from the published content now, and share it through the cache."""
    content_version = cache.get(CONTENT_VERSION_KEY)
    vocabulary = build_vocabulary()
    token = f"{content_version}:{uuid.uuid4().hex}"
    cache.set(DATA_KEY.format(token), vocabulary, DATA_TIMEOUT)
    cache.set(BUILT_KEY, token, None)
    _memo.update(token=token, vocabulary=vocabulary)
    return vocabulary


@task()
def rebuild_vocabulary_task():
    """Rebuild unless a vocabulary of the current content exists (many publications, one rebuild)."""
    built = cache.get(BUILT_KEY) or ""
    if built.split(":", 1)[0] != str(cache.get(CONTENT_VERSION_KEY)):
        rebuild_vocabulary()


def vocabulary_is_stale():
    """Published content changed: rebuild the vocabulary once the change is committed.

    With Django's default task backend the rebuild runs at once (in the
    editor's request); with a task worker it runs in the background.
    """
    cache.set(CONTENT_VERSION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(rebuild_vocabulary_task.enqueue)


def allowed_distance(word):
    if len(word) < MIN_WORD_LENGTH:
        return 0
    if len(word) <= 6:
        return 1
    if len(word) <= 10:
        return 2
    return 3


def skeleton(word):
    """The word with doubled letters single: "allocation" and "alocation" share "alocation"."""
    return DOUBLED_RE.sub(r"\1", word)


@dataclass(frozen=True)
class Candidate:
    word: str  # folded
    distance: int  # typos between the word typed and this word
    sound_distance: int  # the same, doubled letters aside (people often miss or add one)
    first_letter_differs: bool  # people rarely get the first letter wrong
    count: int  # how often the content uses it

    @property
    def closeness(self):
        return (self.sound_distance, self.first_letter_differs, self.distance)


def candidates(word, vocabulary, limit=CANDIDATES):
    """Words of the vocabulary close to ``word``, best first."""
    cutoff = allowed_distance(word)
    if cutoff == 0:
        return []
    found = process.extract(
        word, vocabulary.counts.keys(), scorer=OSA.distance, score_cutoff=cutoff, limit=limit
    )
    typed = skeleton(word)
    ranked = [
        Candidate(
            choice,
            int(distance),
            OSA.distance(typed, skeleton(choice)),
            choice[0] != word[0],
            vocabulary.counts[choice],
        )
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
