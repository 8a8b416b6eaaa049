"""The guides' models: the snippets (partners, difficult words) and the four page types."""

from .glossary_page import GlossaryPage
from .guide_index import GuideIndexPage
from .official_link import OfficialSheetLink
from .procedure_sheet import ProcedureSheetPage, ProcedureSheetPageQuerySet
from .snippets import GlossaryTerm, GlossaryTermQuerySet, Partner
from .topic import TopicPage

__all__ = [
    "GlossaryPage",
    "GlossaryTerm",
    "GlossaryTermQuerySet",
    "GuideIndexPage",
    "OfficialSheetLink",
    "Partner",
    "ProcedureSheetPage",
    "ProcedureSheetPageQuerySet",
    "TopicPage",
]
