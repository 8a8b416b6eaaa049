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


def by_invitation_last(groups, structures):
    """``groups`` then, apart, the structures that receive on invitation only (the SPIP's)."""
    invited = sorted((s for s in structures if s.is_invitation_only), key=by_place)
    if invited:
        groups.append(ArrondissementGroup(_("Sur invitation de votre CPIP"), invited))
    return groups


def alphabetical(structures):
    """A to Z by commune (people look for their town, not for a structure's name); on invitation apart."""
    open_to_all = sorted((s for s in structures if not s.is_invitation_only), key=by_place)
    groups = [ArrondissementGroup(_("Par commune, de A à Z"), open_to_all)] if open_to_all else []
    return by_invitation_last(groups, structures)


def group_by_arrondissement(structures):
    """[ArrondissementGroup] in the order of the arrondissements' names; itinerant ones, then those
    on invitation, last."""
    groups = {}
    for structure in structures:
        if not structure.is_invitation_only:
            groups.setdefault(structure.arrondissement_name, []).append(structure)
    result = []
    for name in sorted(name for name in groups if name):
        members = sorted(groups[name], key=by_place)
        result.append(ArrondissementGroup(_("Arrondissement de %(name)s") % {"name": name}, members))
    if "" in groups:
        result.append(ArrondissementGroup(_("Dans plusieurs communes"), sorted(groups[""], key=by_place)))
    return by_invitation_last(result, structures)
