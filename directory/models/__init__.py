"""The directory's models, one module each: communes, structures, their hours, closures and stops, the directory page."""

from .commune import ARRONDISSEMENTS, DEPARTMENT, Commune
from .directory_page import DirectoryPage
from .queries import Around, Nearby, StructureQuerySet
from .schedule import Closure, OpeningHours, Stop
from .structure import Structure

__all__ = [
    "ARRONDISSEMENTS",
    "Around",
    "DEPARTMENT",
    "Closure",
    "Commune",
    "DirectoryPage",
    "Nearby",
    "OpeningHours",
    "Stop",
    "Structure",
    "StructureQuerySet",
]
