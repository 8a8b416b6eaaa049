"""Words and titles found by how they start, without reading them all: for suggestions while typing.

Both are built once with the spelling vocabulary (search/spelling.py) and kept with it:

- ``WordPrefixes``: folded words in order, so that those starting with "vit" are one slice;
- ``TitleIndex``: the published titles by their words, shortest first, so that "carte vi"
  finds "La carte Vitale" from the titles holding a word starting with "carte" and a word
  starting with "vi".
"""

from bisect import bisect_left
from heapq import nsmallest

# Sorts after every letter: the end of the slice of words starting with a prefix.
AFTER_EVERY_LETTER = "\U0010ffff"


class WordPrefixes:
    def __init__(self, words):
        self.words = sorted(set(words))

    def starting_with(self, prefix):
        words = self.words
        return words[bisect_left(words, prefix) : bisect_left(words, prefix + AFTER_EVERY_LETTER)]


class TitleIndex:
    def __init__(self, titles):
        """``titles``: [(folded words, title)]."""
        self.titles = sorted(titles, key=lambda item: len(item[1]))  # shortest first
        self.by_word = {}
        for position, (folded, _title) in enumerate(self.titles):
            for word in set(folded):
                self.by_word.setdefault(word, []).append(position)
        self.prefixes = WordPrefixes(self.by_word)

    def holding(self, prefix):
        """Positions of the titles holding a word that starts with ``prefix``."""
        found = set()
        for word in self.prefixes.starting_with(prefix):
            found.update(self.by_word[word])
        return found

    def matching(self, typed, limit):
        """Up to ``limit`` titles in which every typed word starts a word: those that start like
        the query first, then the shortest."""
        common = None
        for part in sorted(set(typed), key=len, reverse=True):  # the longest part narrows most
            found = self.holding(part)
            common = found if common is None else common & found
            if not common:
                return []

        def order(position):
            folded = self.titles[position][0]
            return (not folded or not folded[0].startswith(typed[0]), position)

        return [self.titles[position][1] for position in nsmallest(limit, common, key=order)]
