"""Suggestions while typing: page titles, then synonyms' expressions, then words of the content.

A typed word matches the start of a word: "carte vit" suggests "Carte
Vitale : la demander". Accents and capitals don't count.
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

    titles = [(folded, title) for folded, title in vocabulary.titles if starts_all(typed, folded)]
    # Titles that start like the query first, then the shortest.
    titles.sort(key=lambda item: (not item[0] or not item[0][0].startswith(typed[0]), len(item[1])))
    found += [title for _folded, title in titles]

    for rule in synonyms.rules():
        for expression in rule.expressions:
            if starts_all(typed, expression):
                found.append(" ".join(expression))

    if len(typed[-1]) >= MIN_LETTERS:
        start = " ".join(typed[:-1])
        completions = sorted(
            (word for word in vocabulary.counts if word.startswith(typed[-1]) and word != typed[-1]),
            key=lambda word: -vocabulary.counts[word],
        )
        found += [f"{start} {vocabulary.form(word)}".strip() for word in completions[:limit]]

    unique = {}
    for suggestion in found:
        unique.setdefault(fold(suggestion), suggestion)
    return list(unique.values())[:limit]
