"""The guides' models: the snippets (partners, difficult words) and the four page types."""

from .falc_review_task import FalcReviewTask
from .glossary_page import GlossaryPage
from .guide_index import GuideIndexPage
from .official_link import OfficialSheetLink
from .procedure_sheet import ProcedureSheetPage, ProcedureSheetPageQuerySet
from .snippets import GlossaryTerm, GlossaryTermQuerySet, Partner
from .topic import TopicPage

__all__ = [
    "FalcReviewTask",
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
