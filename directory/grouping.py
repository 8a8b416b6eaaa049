"""Structures grouped as a list shows them: by arrondissement, or A to Z by commune."""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from . import communes


class ArrondissementGroup(NamedTuple):
    title: str
    structures: list


def by_place(structure):
    """Sort key: by commune as people read it (accents do not count), then by name."""
    return (communes.normalize(structure.place_label), communes.normalize(structure.name))


def alphabetical(structures):
    """One group, A to Z by commune: people look for their town, not for a structure's name."""
    return [ArrondissementGroup(_("Par commune, de A à Z"), sorted(structures, key=by_place))]


def group_by_arrondissement(structures):
    """[ArrondissementGroup] in the order of the arrondissements' names; itinerant ones last."""
    groups = {}
    for structure in structures:
        groups.setdefault(structure.arrondissement_name, []).append(structure)
    result = []
    for name in sorted(name for name in groups if name):
        members = sorted(groups[name], key=by_place)
        result.append(ArrondissementGroup(_("Arrondissement de %(name)s") % {"name": name}, members))
    if "" in groups:
        result.append(ArrondissementGroup(_("Dans plusieurs communes"), sorted(groups[""], key=by_place)))
    return result
