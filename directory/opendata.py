"""The directory as open data: CSV in the columns of the official file, and JSON.

The CSV can be imported back (``import_france_services``): same columns, same formats.
The JSON carries the same values under the same keys, plus what this portal adds
(page address, hours in OpenStreetMap's syntax, partners, reception by invitation, accessibility
and reception — yes, no, or null when not known —, languages as ISO 639 codes, stops).
"""

import csv

from django.utils import timezone

from .official_file import (
    COLUMNS,
    FILE_APPOINTMENT,
    FILE_FORMATS,
    FILE_KINDS,
    HOURS_COLUMNS,
    format_file_hours,
    format_label_date,
)
from .spreadsheet import neutralise

CSV_FILENAME = "france-services-77.csv"
SOURCE = (
    "ANCT – liste des structures France services, 01/08/2024 (Licence Ouverte 2.0), "
    "complétée par la préfecture de Seine-et-Marne"
)
LICENCE = "Licence Ouverte 2.0 – https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


def file_row(structure):
    """The structure as a row of the official file: {column: text}."""
    weekly = structure.schedule.weekly
    row = {
        "id_fs": structure.id_fs or "",
        "insee_dep": structure.department,
        "lib_fs": structure.name,
        "adresse": structure.address,
        "complement_adresse": structure.address_complement,
        "insee_com": structure.insee_code,
        "code_postal": structure.postcode,
        "lib_com": structure.commune_name,
        "latitude": "" if structure.latitude is None else repr(structure.latitude),
        "longitude": "" if structure.longitude is None else repr(structure.longitude),
        "mail": structure.email,
        "telephone": structure.phone,
        "prise_rdv": FILE_APPOINTMENT[structure.appointment_required],
        "commentaire": structure.comment,
        "type_fs": FILE_KINDS.get(structure.kind, ""),
        "format_fs": FILE_FORMATS.get(structure.format, ""),
        "groupe_fs": structure.group,
        "labellisation_fs": format_label_date(structure.labelled_on),
    }
    for weekday, column in enumerate(HOURS_COLUMNS):
        row[column] = format_file_hours(sorted(weekly.get(weekday, [])))
    return {column: row[column] for column in COLUMNS}


def write_csv(structures, out):
    """Write the structures to ``out`` (a file or an HttpResponse) as the official CSV.

    The JSON keeps every value exactly; here, a cell starting like a formula gets a quote first.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    for structure in structures:
        # A cell that a spreadsheet would run as a formula is written as text (directory/spreadsheet.py).
        writer.writerow({column: neutralise(value) for column, value in file_row(structure).items()})


def as_json(structures, base_url):
    """A JSON-ready dict: source, licence, date, and one object per structure."""
    return {
        "source": SOURCE,
        "licence": LICENCE,
        "date": timezone.now().isoformat(timespec="seconds"),
        "structures": [
            {
                **file_row(structure),
                "url": f"{base_url}{structure.slug}/",
                "opening_hours": structure.osm_hours,
                "sur_invitation": structure.is_invitation_only,
                "ouverte_jours_feries": structure.open_on_public_holidays,
                "partenaires": [partner.name for partner in structure.partners.all()],
                "accessibilite": {
                    "entree_fauteuil": structure.step_free_access,
                    "toilettes_adaptees": structure.accessible_toilets,
                    "boucle_magnetique": structure.hearing_loop,
                    "stationnement_reserve": structure.accessible_parking,
                    "acceslibre": structure.acceslibre_url,
                    "precisions": structure.accessibility,
                },
                "langues": structure.languages,
                "aide_lecture_ecriture": structure.helps_non_readers,
                "comment_venir": structure.directions,
                "verifiee_le": structure.verified_on.isoformat() if structure.verified_on else None,
                "lieux_de_passage": [
                    {
                        "lieu": stop.place,
                        "insee_com": stop.commune.code if stop.commune else "",
                        "lib_com": stop.commune.name if stop.commune else "",
                        "quand": stop.recurrence.describe() if stop.recurrence else "",
                        "calendrier": stop.calendar_url,
                    }
                    for stop in structure.stops.all()
                ],
            }
            for structure in structures
        ],
    }
