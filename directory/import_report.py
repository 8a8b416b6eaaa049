"""What an import of the official list changes, and what it tells the editor.

- Each structure that changes is named with its line, and each field with its old and new value:
  "Ligne 3 — France services La Poste de Rebais : téléphone « 01 64 65 65 03 » → « 01 64 65 65 04 »".
- Each problem of the file names the structure of its line too.
- An editor may correct a file field in the admin (an hour, a phone number). The import remembers
  what the file said last time (``Structure.imported``, the *baseline*): a field that differs from
  it was edited by hand. When the new file says something else, the import overwrites that hand
  edit; the report says so first, and the dry run says it before anything is written.
- The admin's upload page lists the hand edits waiting, before any file is chosen.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.calendar import weekday_name
from portal.formats import hours_ranges

from .official_file import FILE_FIELDS

FIELD_LABELS = {
    "department": "département",
    "name": "nom",
    "address": "adresse",
    "address_complement": "complément d'adresse",
    "insee_code": "code INSEE",
    "postcode": "code postal",
    "commune_name": "commune",
    "latitude": "latitude",
    "longitude": "longitude",
    "email": "e-mail",
    "phone": "téléphone",
    "appointment_required": "rendez-vous",
    "comment": "commentaire",
    "kind": "type",
    "format": "format",
    "group": "groupe",
    "labelled_on": "date de labellisation",
}
QUOTE_LENGTH = 80


def quoted(text):
    text = " ".join(str(text).split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


def shown(value):
    """A file field's value as the editor reads it: "Oui", "1er août 2024", "(vide)"."""
    if value is None or value == "":
        return _("(vide)")
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return quoted(value)


def shown_hours(ranges):
    return hours_ranges(ranges) if ranges else _("fermé")


def _time(text):
    return datetime.time.fromisoformat(text)


def baseline(values, hours):
    """What the file said, as JSON: {field: value, "hours": {"0": [["09:00", "12:00"]], …}}."""
    data = {
        name: value.isoformat() if isinstance(value, datetime.date) else value
        for name, value in values.items()
    }
    data["hours"] = {
        str(weekday): [[f"{start:%H:%M}", f"{end:%H:%M}"] for start, end in ranges]
        for weekday, ranges in hours.items()
    }
    return data


def _as_stored(name, value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _baseline_hours(data, weekday):
    return [(_time(start), _time(end)) for start, end in data.get("hours", {}).get(str(weekday), [])]


@dataclass
class FieldChange:
    """One field of one structure: its value here, the other one, and whether an editor typed it."""

    label: str
    old: str
    new: str
    hand_edited: bool = False

    def __str__(self):
        return f"{self.label} « {self.old} » → « {self.new} »"


def compare(structure, values, hours, stored_hours):
    """[FieldChange] between the structure (``stored_hours``: its weekly ranges) and the file's row."""
    known = structure.imported or None
    changes = []
    for name in FILE_FIELDS:
        current, new = getattr(structure, name), values[name]
        if current != new:
            edited = known is not None and name in known and _as_stored(name, current) != known[name]
            changes.append(FieldChange(FIELD_LABELS[name], shown(current), shown(new), edited))
    for weekday in range(7):
        current, new = stored_hours.get(weekday, []), hours.get(weekday, [])
        if current != new:
            edited = known is not None and current != _baseline_hours(known, weekday)
            label = _("horaires du %(day)s") % {"day": weekday_name(weekday)}
            changes.append(FieldChange(label, shown_hours(current), shown_hours(new), edited))
    return changes


def hand_edits(structure, stored_hours):
    """[FieldChange] of the file fields an editor changed since the last import (old = the file's)."""
    known = structure.imported
    if not known:
        return []
    edits = []
    for name in FILE_FIELDS:
        current = _as_stored(name, getattr(structure, name))
        if name in known and current != known[name]:
            edits.append(FieldChange(FIELD_LABELS[name], shown(known[name]), shown(getattr(structure, name))))
    for weekday in range(7):
        imported, current = _baseline_hours(known, weekday), stored_hours.get(weekday, [])
        if current != imported:
            label = _("horaires du %(day)s") % {"day": weekday_name(weekday)}
            edits.append(FieldChange(label, shown_hours(imported), shown_hours(current)))
    return edits


def waiting_hand_edits(structures, weekly):
    """[(structure, [FieldChange])] for the structures with hand edits; ``weekly`` from ``weekly_ranges()``."""
    found = []
    for structure in structures:
        edits = hand_edits(structure, weekly.get(structure.pk, {}))
        if edits:
            found.append((structure, edits))
    return found


def heading(line, name):
    """ "Ligne 10 — France services La Poste de Rebais"; a line without a name says so."""
    return _("Ligne %(line)s — %(name)s") % {"line": line, "name": quoted(name) if name else _("(sans nom)")}


@dataclass
class Problem:
    """One thing the import could not take as it was, and what it did instead."""

    line: int
    column: str
    value: str
    action: str
    name: str = ""

    def __str__(self):
        return _("%(heading)s : colonne %(column)s, valeur « %(value)s » : %(action)s") % {
            "heading": heading(self.line, self.name),
            "column": self.column,
            "value": quoted(self.value),
            "action": self.action,
        }


@dataclass
class StructureChanges:
    line: int
    name: str
    changes: list

    def __str__(self):
        return f"{heading(self.line, self.name)} : {' ; '.join(str(change) for change in self.changes)}"

    @property
    def hand_edits(self):
        return [change for change in self.changes if change.hand_edited]


@dataclass
class ImportReport:
    dry_run: bool = False
    department: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    other_departments: int = 0
    changes: list = field(default_factory=list)  # StructureChanges
    missing: list = field(default_factory=list)
    problems: list = field(default_factory=list)

    def summary(self):
        counts = [
            (self.created, ngettext("%(count)d créée", "%(count)d créées", self.created)),
            (self.updated, ngettext("%(count)d mise à jour", "%(count)d mises à jour", self.updated)),
            (self.unchanged, ngettext("%(count)d inchangée", "%(count)d inchangées", self.unchanged)),
            (self.skipped, ngettext("%(count)d ligne ignorée", "%(count)d lignes ignorées", self.skipped)),
        ]
        text = ", ".join(words % {"count": count} for count, words in counts) + "."
        if self.other_departments:
            text += " " + ngettext(
                "%(count)d ligne d'un autre département laissée de côté.",
                "%(count)d lignes d'autres départements laissées de côté.",
                self.other_departments,
            ) % {"count": self.other_departments}
        if self.dry_run:
            text = _("Essai à blanc, rien n'a été enregistré.") + " " + text
        return text

    @property
    def overwritten(self):
        """[str] of the hand edits the file replaces: "Ligne 3 — … : horaires du lundi « … » → « … »"."""
        return [
            f"{heading(item.line, item.name)} : {change}"
            for item in self.changes
            for change in item.hand_edits
        ]

    def overwritten_title(self):
        if self.dry_run:
            return _("Modifications faites à la main que cet import remplacera :")
        return _("Modifications faites à la main que cet import a remplacées :")

    def lines(self):
        """The whole report, one line each: summary, hand edits overwritten, changes, missing, problems."""
        lines = [self.summary()]
        if self.overwritten:
            lines.append(self.overwritten_title())
            lines += [f"  {line}" for line in self.overwritten]
        lines += [_("Mise à jour : %(change)s") % {"change": change} for change in self.changes]
        lines += [
            _("Absente du fichier, gardée (à vérifier) : %(name)s (id_fs %(id)s)")
            % {"name": s.name, "id": s.id_fs}
            for s in self.missing
        ]
        lines += [str(problem) for problem in self.problems]
        return lines
