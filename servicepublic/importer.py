"""Import official sheets from the DILA's XML into ``OfficialSheet``.

- Idempotent: a sheet whose file has not changed (same SHA-256) is not parsed nor written again.
- A file that is not well-formed is reported by name and line; every other file is imported.
- Elements the importer does not know stay in the stored XML and are counted in the report.
- ``dry_run`` reads and compares everything and writes nothing.
- Everything is written in one transaction: an import that fails half-way changes nothing.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import OfficialSheet
from .parser import NotASheet, SheetRejected, parse_sheet
from .signals import official_sheets_imported
from .sources import Problem, read_sources

BATCH = 500
STORED_FIELDS = [
    "kind",
    "publication_type",
    "title",
    "audience",
    "theme",
    "theme_code",
    "dossier",
    "dossier_code",
    "changed_on",
    "modified_on",
    "source_url",
    "description",
    "introduction",
    "places",
    "online_services",
    "unknown_elements",
    "xml",
    "content_hash",
    "imported_at",
]


@dataclass
class ImportReport:
    dry_run: bool = False
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    unknown_elements: Counter = field(default_factory=Counter)
    unknown_files: Counter = field(default_factory=Counter)
    # Sheets whose important-change date is new or moved: their easy-to-read sheets may be out of date.
    important_changes: list = field(default_factory=list)

    @property
    def written(self):
        return bool(self.added or self.changed) and not self.dry_run

    def summary(self):
        counts = [
            (
                len(self.added),
                ngettext("%(count)d fiche ajoutée", "%(count)d fiches ajoutées", len(self.added)),
            ),
            (len(self.changed), ngettext("%(count)d modifiée", "%(count)d modifiées", len(self.changed))),
            (self.unchanged, ngettext("%(count)d inchangée", "%(count)d inchangées", self.unchanged)),
            (
                len(self.rejected),
                ngettext("%(count)d fichier refusé", "%(count)d fichiers refusés", len(self.rejected)),
            ),
            (
                len(self.skipped),
                ngettext(
                    "%(count)d fichier qui n'est pas une fiche",
                    "%(count)d fichiers qui ne sont pas des fiches",
                    len(self.skipped),
                ),
            ),
        ]
        text = ", ".join(words % {"count": count} for count, words in counts) + "."
        if self.dry_run:
            text = _("Essai à blanc, rien n'a été enregistré.") + " " + text
        return text

    def lines(self):
        """The whole report, one line each."""
        lines = [self.summary()]
        if self.added:
            lines.append(_("Ajoutées : %(ids)s") % {"ids": _shortened(self.added)})
        if self.changed:
            lines.append(_("Modifiées : %(ids)s") % {"ids": _shortened(self.changed)})
        if self.important_changes:
            lines.append(_("Changement important : %(ids)s") % {"ids": _shortened(self.important_changes)})
        for name, count in sorted(self.unknown_elements.items()):
            files = self.unknown_files[name]
            lines.append(
                ngettext(
                    "Élément inconnu gardé dans le XML : %(name)s, %(count)s fois dans %(files)s fichier",
                    "Élément inconnu gardé dans le XML : %(name)s, %(count)s fois dans %(files)s fichiers",
                    files,
                )
                % {"name": name, "count": count, "files": files}
            )
        lines += [
            _("Pas une fiche, ignoré : %(name)s (racine %(root)s)") % {"name": n, "root": r}
            for n, r in self.skipped
        ]
        lines += [_("Gardée, à vérifier : %(problem)s") % {"problem": problem} for problem in self.warnings]
        lines += [_("Refusé : %(problem)s") % {"problem": problem} for problem in self.rejected]
        return lines


def _shortened(identifiers, limit=30):
    shown = ", ".join(identifiers[:limit])
    if len(identifiers) > limit:
        shown += " " + _("et %(count)s autres") % {"count": len(identifiers) - limit}
    return shown


class _Writer:
    """Collects new and changed sheets and writes them in batches (memory stays bounded)."""

    def __init__(self, dry_run):
        self.dry_run = dry_run
        self.to_create, self.to_update = [], []
        self.now = timezone.now()

    def add(self, sheet):
        self.to_create.append(sheet)
        self._maybe_flush()

    def change(self, sheet):
        self.to_update.append(sheet)
        self._maybe_flush()

    def _maybe_flush(self):
        if len(self.to_create) + len(self.to_update) >= BATCH:
            self.flush()

    def flush(self):
        if not self.dry_run:
            OfficialSheet.objects.bulk_create(self.to_create, batch_size=BATCH)
            for sheet in self.to_update:
                OfficialSheet.objects.filter(pk=sheet.pk).update(
                    **{name: getattr(sheet, name) for name in STORED_FIELDS}
                )
        self.to_create, self.to_update = [], []


def _sheet(parsed, now, pk=None):
    return OfficialSheet(
        pk=pk,
        identifier=parsed.identifier,
        unknown_elements=dict(sorted(parsed.unknown_elements.items())),
        xml=parsed.xml,
        content_hash=parsed.content_hash,
        imported_at=now,
        **parsed.values,
    )


def import_sheets(paths, dry_run=False):
    """Import every sheet under ``paths`` (files, folders, zips). Returns an ``ImportReport``.

    Raises ``sources.SourceRejected`` (nothing imported) when a path cannot be used at all.
    """
    report = ImportReport(dry_run=dry_run)
    existing, unchanged_files = {}, {}
    rows = OfficialSheet.objects.values_list(
        "identifier", "pk", "content_hash", "changed_on", "imported_at", "unknown_elements"
    )
    for identifier, pk, content_hash, changed_on, imported_at, unknown in rows:
        existing[identifier] = (pk, content_hash, changed_on, imported_at)
        if content_hash:
            unchanged_files[content_hash] = (identifier, unknown)
    seen = {}
    writer = _Writer(dry_run)
    with transaction.atomic():
        for source in read_sources(paths):
            if isinstance(source, Problem):
                report.rejected.append(source)
                continue
            name, data = source
            known = unchanged_files.get(hashlib.sha256(data).hexdigest())
            if known and known[0] not in seen:  # the very file imported before: nothing to read again
                seen[known[0]] = name
                report.unchanged += 1
                _count_unknown(report, known[1])
                continue
            try:
                parsed = parse_sheet(data)
            except SheetRejected as error:
                report.rejected.append(Problem(name, error.message, error.line))
                continue
            except NotASheet as error:
                report.skipped.append((name, error.root))
                continue
            if parsed.identifier in seen:
                report.rejected.append(
                    Problem(
                        name,
                        _("fiche %(id)s déjà lue dans %(first)s : ignorée")
                        % {"id": parsed.identifier, "first": seen[parsed.identifier]},
                    )
                )
                continue
            seen[parsed.identifier] = name
            report.warnings += [Problem(name, warning) for warning in parsed.warnings]
            _count_unknown(report, parsed.unknown_elements)
            _compare(parsed, existing.get(parsed.identifier), report, writer)
        writer.flush()
        if report.written:
            official_sheets_imported.send(sender=OfficialSheet, report=report)
    return report


def _count_unknown(report, unknown_elements):
    for element, count in unknown_elements.items():
        report.unknown_elements[element] += count
        report.unknown_files[element] += 1


def _compare(parsed, stored, report, writer):
    if stored is None:
        writer.add(_sheet(parsed, writer.now))
        report.added.append(parsed.identifier)
        return
    pk, content_hash, changed_on, imported_at = stored
    if content_hash == parsed.content_hash:
        report.unchanged += 1
        return
    writer.change(_sheet(parsed, writer.now, pk=pk))
    # A placeholder (a number linked before any import) gets its content: for the report, added.
    (report.added if imported_at is None else report.changed).append(parsed.identifier)
    new_date = parsed.values["changed_on"]
    if new_date and (imported_at is None or new_date != changed_on):
        report.important_changes.append(parsed.identifier)
