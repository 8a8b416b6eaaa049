"""Suggestions while typing: page titles, then synonyms' expressions, then words of the content.

A typed word matches the start of a word: "carte vit" suggests "Carte
Vitale : la demander". Accents and capitals don't count. Titles and words are
looked up in the precomputed vocabulary (search/prefixes.py): nothing reads
every title while a reader types.
"""

from . import spelling, synonyms
from .text import MAX_QUERY_LENGTH, fold, words

MAX_TYPING_SUGGESTIONS = 8
MIN_LETTERS = 2


def starts_all(typed, candidate_words):
    """Every typed word starts one of the candidate's words; the last one may be half typed."""
    return all(any(word.startswith(part) for word in candidate_words) for part in typed)


def typing_suggestions(text, limit=MAX_TYPING_SUGGESTIONS):
    typed = words(text[:MAX_QUERY_LENGTH])
    if not typed or sum(len(word) for word in typed) < MIN_LETTERS:
        return []
    vocabulary = spelling.get_vocabulary()
    found = []

    if vocabulary.titles:
        found += vocabulary.titles.matching(typed, limit)

    for rule in synonyms.rules():
        for expression in rule.expressions:
            if starts_all(typed, expression):
                found.append(" ".join(expression))

    if len(typed[-1]) >= MIN_LETTERS:
        start = " ".join(typed[:-1])
        found += [
            f"{start} {vocabulary.form(word)}".strip() for word in vocabulary.completions(typed[-1], limit)
        ]

    unique = {}
    for suggestion in found:
        unique.setdefault(fold(suggestion), suggestion)
    return list(unique.values())[:limit]
