"""The directory's models, one module each: communes, structures, the directory page."""

from .commune import ARRONDISSEMENTS, DEPARTMENT, Commune
from .directory_page import DirectoryPage
from .structure import (
    RESERVED_SLUGS,
    ArrondissementGroup,
    Closure,
    Nearby,
    OpeningHours,
    Stop,
    Structure,
    StructureForm,
    StructureQuerySet,
    alphabetical,
    base_slug,
    group_by_arrondissement,
    unique_slug,
    validate_not_reserved,
)

__all__ = [
    "ARRONDISSEMENTS",
    "DEPARTMENT",
    "RESERVED_SLUGS",
    "ArrondissementGroup",
    "Closure",
    "Commune",
    "DirectoryPage",
    "Nearby",
    "OpeningHours",
    "Stop",
    "Structure",
    "StructureForm",
    "StructureQuerySet",
    "alphabetical",
    "base_slug",
    "group_by_arrondissement",
    "unique_slug",
    "validate_not_reserved",
]
