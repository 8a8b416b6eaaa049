"""What the directory asks of its structures: those of the département, with their schedules loaded,
near a commune, meeting a person's needs (``Structure.objects``)."""

from collections import defaultdict
from typing import NamedTuple

from django.db import models
from django.utils import timezone

from wagtail.search.queryset import SearchableQuerySetMixin

from .. import communes, hours
from .commune import DEPARTMENT
from .schedule import Closure, OpeningHours, Stop


class Nearby(NamedTuple):
    structure: models.Model  # a Structure
    distance_km: float


class Around(NamedTuple):
    """The structures around a commune, as a person may use them."""

    nearby: list  # [Nearby] open to everyone, nearest first
    by_invitation: list  # [Structure] near it that receive on invitation only: no distance is given


class StructureQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_department(self, code=DEPARTMENT):
        return self.filter(department=code)

    def prefetch_for_list(self):
        """Still a QuerySet: it prefetches the rows a list reads (hours, closures, stops' communes).

        For code that walks the related rows itself (open data, a structure's page, the guide).
        """
        return self.select_related("commune").prefetch_related("opening_hours", "closures", "stops__commune")

    def as_list(self):
        """Evaluated now: a Python list of structures, each with its schedule and its stops' communes set.

        What ``prefetch_for_list()`` gives a list (place, opening status), in four light queries and
        without the ORM's per-object prefetching: the directory page shows every structure on each
        request.
        """
        structures = list(self.prefetch_related(None).select_related("commune"))
        ids = [structure.pk for structure in structures]
        weekly = OpeningHours.objects.filter(structure_id__in=ids).weekly_ranges()
        closures, stop_communes = defaultdict(list), defaultdict(list)
        closure_rows = Closure.objects.filter(structure_id__in=ids, end_date__gte=timezone.localdate())
        for pk, start, end, reason in closure_rows.values_list(
            "structure_id", "start_date", "end_date", "reason"
        ):
            closures[pk].append(hours.Closure(start, end, reason))
        stop_rows = Stop.objects.filter(structure_id__in=ids, commune__isnull=False).order_by(
            "sort_order", "pk"
        )
        for pk, name in stop_rows.values_list("structure_id", "commune__name"):
            if name not in stop_communes[pk]:
                stop_communes[pk].append(name)
        for structure in structures:
            structure.__dict__["schedule"] = hours.Schedule(
                weekly[structure.pk], closures[structure.pk], structure.open_on_public_holidays
            )
            structure.__dict__["stop_communes"] = stop_communes[structure.pk]
        return structures

    def with_details(self):
        """Everything a structure's page, the guide or the open data show."""
        return self.prefetch_for_list().prefetch_related("partners")

    def offering(self, partner):
        """Structures where advisors help with this partner's procedures ("Où voir la CAF ?").

        ``partner``: a ``guides.Partner`` or its slug ("caf").
        """
        if isinstance(partner, str):
            return self.filter(partners__slug=partner)
        return self.filter(partners=partner)

    def nearest_to(self, commune, limit=None):
        """[Nearby(structure, distance_km)] sorted by straight-line distance from ``commune``.

        An itinerant structure counts from its nearest stop. Structures with no known place
        are left out. Distances come from coordinates alone; only the structures kept are
        then loaded, with what a list shows (see ``as_list()``).
        """
        points = {}
        plain = self.prefetch_related(None)
        for pk, latitude, longitude in plain.values_list("pk", "latitude", "longitude"):
            if latitude is not None and longitude is not None:
                points.setdefault(pk, []).append((latitude, longitude))
        stops = Stop.objects.filter(structure__in=plain.values("pk"), commune__isnull=False)
        for pk, latitude, longitude in stops.values_list(
            "structure_id", "commune__latitude", "commune__longitude"
        ):
            points.setdefault(pk, []).append((latitude, longitude))
        distances = {
            pk: min(communes.distance_km(commune.point, point) for point in places)
            for pk, places in points.items()
        }
        kept = sorted(distances, key=distances.get)[:limit] if limit else list(distances)
        structures = self.filter(pk__in=kept).as_list()
        nearby = [Nearby(structure, distances[structure.pk]) for structure in structures]
        nearby.sort(key=lambda item: (item.distance_km, item.structure.name))
        return nearby

    def around(self, commune, limit, open_at=None):
        """``Around(nearby, by_invitation)``: the rule of the commune search and of the site search.

        ``nearby``: the ``limit`` nearest structures open to everyone (those open at ``open_at``,
        if given). ``by_invitation``: the structures receiving on invitation (the SPIP's) that are
        among the ``limit`` nearest; a person cannot walk in, so they come apart, after the
        others, with no distance (theirs would be counted from a unit's commune, not from an
        address). Asked for what is open now, there are none.
        """
        invited = self.filter(reception=self.model.Reception.INVITATION).count()
        nearest = self.nearest_to(commune, limit=None if open_at else limit + invited)
        public = [item for item in nearest if not item.structure.is_invitation_only]
        if open_at is not None:
            public = [item for item in public if item.structure.status(open_at).is_open]
            return Around(public[:limit], [])
        return Around(
            public[:limit], [item.structure for item in nearest[:limit] if item.structure.is_invitation_only]
        )

    def meeting_needs(self, partner=None, wheelchair=False):
        """Those where one can see ``partner`` (a Partner), with a step-free entrance if asked."""
        structures = self.offering(partner) if partner else self
        return structures.filter(step_free_access=True) if wheelchair else structures
