"""Where to go for a procedure: the France services where an advisor helps with its partners.

An easy-to-read sheet stands on official sheets; their "où s'adresser" name local offices by
PivotLocal type (``caf``, ``cpam``, ``msap``…). Types that are national partners of France
services (``pivots.PARTNER_SLUGS``) become ``guides.Partner``; the directory then gives the
France services nearest to the reader's commune where that partner is present.
"""

from dataclasses import dataclass, field

from directory.models import Structure
from guides.models import Partner

from .pivots import FRANCE_SERVICES, partner_slugs

NEAREST_COUNT = 3


@dataclass
class WhereToGo:
    """The partners a sheet sends people to, and whether France services can help at all."""

    partners: list = field(default_factory=list)
    france_services: bool = False

    @property
    def shown(self):
        return bool(self.partners) or self.france_services


def where_to_go(sheet):
    """What an easy-to-read sheet's "Où aller ?" says, from its official sheets."""
    pivots = [pivot for official in sheet.official_sheets() for pivot in official.pivot_types()]
    slugs = partner_slugs(pivots)
    partners = sorted(Partner.objects.filter(slug__in=slugs), key=lambda partner: slugs.index(partner.slug))
    return WhereToGo(partners=partners, france_services=bool(partners) or FRANCE_SERVICES in pivots)


def nearest(partners, commune, limit=NEAREST_COUNT):
    """[(partner or None, [Nearby…])]: for each partner, the nearest France services offering it;
    without partners, the nearest France services."""
    structures = Structure.objects.in_department()
    if not partners:
        return [(None, structures.nearest_to(commune, limit=limit))]
    return [(partner, structures.offering(partner).nearest_to(commune, limit=limit)) for partner in partners]
