"""Find the glossary's difficult words in a sheet, and link them to their explanation.

A sheet explains the difficult words it uses in a "Les mots difficiles" list
at its end. The first time each word appears in the sheet's text, it becomes a
link to its explanation: plain HTML, on screen and on paper, no JavaScript.

Linking works on the text between tags only, so the HTML stays as it was: no
link is put inside a link, a heading, a button or an element marked
``no-glossary``.
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import escape

# Text inside these elements is never linked.
SKIPPED_ELEMENTS = frozenset(
    {"a", "button", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg", "code", "abbr", "title"}
)
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
SKIP_CLASS = "no-glossary"

_MARKUP = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/)?\s*>", re.S)
# An apostrophe as typed, typographic, or escaped by the template engine.
_APOSTROPHE = r"(?:'|’|&\#x27;|&\#39;)"
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@dataclass(frozen=True)
class Entry:
    """A difficult word: its forms (word, plural, spelled-out acronym…) and its explanation."""

    slug: str
    term: str
    definition: str
    forms: tuple[str, ...]


def _normalise(text):
    return " ".join(html.unescape(text).replace("’", "'").split()).casefold()


def _is_acronym(form):
    letters = [char for char in form if char.isalpha()]
    return len(letters) >= 2 and not any(char.islower() for char in letters)


class Glossary:
    """A set of entries and the one regular expression that finds them all."""

    def __init__(self, entries):
        self.entries = list(entries)
        self._by_form = {}
        alternatives = []
        for entry in self.entries:
            for form in entry.forms:
                form = " ".join(form.replace("’", "'").split())
                if not form:
                    continue
                self._by_form.setdefault(_normalise(form), entry)
                # Acronyms match as written ("CAF", never "caf"); words in any case, plural too.
                pattern = re.escape(form).replace(r"\ ", r"\s+").replace("'", _APOSTROPHE)
                alternatives.append((len(form), pattern if _is_acronym(form) else f"(?i:{pattern}(?:s|x)?)"))
        alternatives.sort(key=lambda item: -item[0])  # longest first: "aide juridictionnelle" before "aide"
        self._pattern = (
            re.compile(r"(?<![\w&])(?:" + "|".join(pattern for _, pattern in alternatives) + r")(?![\w'’])")
            if alternatives
            else None
        )

    def __bool__(self):
        return bool(self.entries)

    def _entry_for(self, matched):
        key = _normalise(matched)
        return self._by_form.get(key) or self._by_form.get(key[:-1])

    def find(self, *texts):
        """Entries whose words appear in the texts, in order of first appearance."""
        found = []
        if self._pattern is None:
            return found
        for text in texts:
            for match in self._pattern.finditer(text or ""):
                entry = self._entry_for(match.group(0))
                if entry is not None and entry not in found:
                    found.append(entry)
        return found

    def link(self, html, seen=None, anchor_prefix="mot-"):
        """Link the first appearance of each word to ``#<anchor_prefix><slug>``.

        ``seen`` (a list) carries the entries already linked, across several
        fragments of the same page; found entries are appended to it.
        Returns the new HTML.
        """
        seen = [] if seen is None else seen
        if self._pattern is None or not html:
            return html
        parts = _MARKUP.split(str(html))
        skipping = []  # names of the open elements whose text is left alone
        for index, part in enumerate(parts):
            if not part:
                continue
            if part.startswith("<"):
                _track(part, skipping)
            elif not skipping:
                parts[index] = self._link_text(part, seen, anchor_prefix)
        return "".join(parts)

    def _link_text(self, text, seen, anchor_prefix):
        def replace(match):
            entry = self._entry_for(match.group(0))
            if entry is None or entry in seen:
                return match.group(0)
            seen.append(entry)
            return (
                f'<a class="glossary-link" href="#{escape(anchor_prefix + entry.slug)}">{match.group(0)}</a>'
            )

        return self._pattern.sub(replace, text)


def _track(markup, skipping):
    """Follow the elements whose text must stay unlinked, as tags open and close."""
    match = _TAG.match(markup)
    if match is None:  # comment, doctype or broken tag: leave it be
        return
    closing, name, attributes, self_closing = match.groups()
    name = name.lower()
    if name in VOID_ELEMENTS or self_closing:
        return
    if closing:
        if skipping and skipping[-1] == name:
            skipping.pop()
        elif skipping and name in skipping:
            # Badly nested HTML: close up to the matching element.
            del skipping[len(skipping) - 1 - skipping[::-1].index(name) :]
        return
    if skipping:
        skipping.append(name)  # nested inside a skipped element
        return
    classes = _CLASS.search(attributes or "")
    class_names = next((group for group in classes.groups() if group), "").split() if classes else []
    if name in SKIPPED_ELEMENTS or SKIP_CLASS in class_names:
        skipping.append(name)
