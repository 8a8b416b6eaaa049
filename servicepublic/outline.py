"""The shape of an official sheet, read from its stored XML: what an easy-to-read draft starts from.

A conditional sheet is split into situations ("Demande en France", "À l'étranger"), each made of
chapters ("Où et comment faire la demande ?", "Pièces à fournir"…); a plain sheet has chapters
only; a dossier lists its sheets. The supporting documents are the items of the "pièces"
chapters (``type="pieces"``, or a title such as "Pièces à fournir", "Justificatifs").
"""

import re
from dataclasses import dataclass, field

from .parser import parse_root, text_of

DOCUMENT_TITLES = re.compile(
    r"pi[eè]ces? (à fournir|justificatives?|à joindre|à présenter)|justificatifs?\b|documents? à (fournir|présenter|joindre)",
    re.IGNORECASE,
)
CHAPTERS = ("Chapitre", "SousChapitre")


@dataclass
class Section:
    """A situation and the titles of its chapters (``title`` is empty when the sheet has no situations)."""

    title: str
    chapters: list = field(default_factory=list)


@dataclass
class Outline:
    sections: list = field(default_factory=list)
    documents: list = field(default_factory=list)


def _unique(texts):
    return list(dict.fromkeys(text for text in texts if text))


def _chapter_titles(container):
    if container is None:
        return []
    return _unique(text_of(chapter.find("Titre")) for chapter in container.iter("Chapitre"))


def _is_documents_chapter(chapter):
    return chapter.get("type") == "pieces" or bool(DOCUMENT_TITLES.search(text_of(chapter.find("Titre"))))


def _sections(root):
    situations = root.find("ListeSituations")
    if situations is not None:
        sections = []
        for situation in situations.findall("Situation"):
            title = text_of(situation.find("Titre"))
            # A situation told in one text, without chapters, is one step.
            sections.append(Section(title, _chapter_titles(situation) or _unique([title])))
        return sections
    chapters = _chapter_titles(root.find("Texte"))
    if chapters:
        return [Section("", chapters)]
    # A dossier: the sheets it gathers.
    sheets = _unique(text_of(sheet) for sheet in [*root.findall("Fiche"), *root.findall("SousDossier/Fiche")])
    return [Section("", sheets)] if sheets else []


def outline(xml):
    """The ``Outline`` of a stored sheet (its XML as text); empty for a placeholder."""
    if not xml:
        return Outline()
    root = parse_root(xml)
    documents = []
    for chapter in (element for element in root.iter() if element.tag in CHAPTERS):
        if _is_documents_chapter(chapter):
            documents += [text_of(item) for item in chapter.iter("Item")]
    return Outline(sections=[s for s in _sections(root) if s.chapters], documents=_unique(documents))
