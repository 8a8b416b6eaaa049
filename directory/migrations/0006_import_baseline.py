"""Remember what the official file said at the last import, to tell hand edits apart.

Structures imported before this migration get their current values as the baseline: the best
guess available (an edit made by hand before it cannot be told apart any more).
"""

import datetime

from django.db import migrations, models

FILE_FIELDS = [
    "department",
    "name",
    "address",
    "address_complement",
    "insee_code",
    "postcode",
    "commune_name",
    "latitude",
    "longitude",
    "email",
    "phone",
    "appointment_required",
    "comment",
    "kind",
    "format",
    "group",
    "labelled_on",
]


def current_baseline(structure, rows):
    data = {}
    for name in FILE_FIELDS:
        value = getattr(structure, name)
        data[name] = value.isoformat() if isinstance(value, datetime.date) else value
    hours = {}
    for row in rows:
        ranges = [(row.opens, row.closes)]
        if row.opens_again and row.closes_again:
            ranges.append((row.opens_again, row.closes_again))
        hours.setdefault(str(row.weekday), []).extend(ranges)
    data["hours"] = {
        day: [[f"{start:%H:%M}", f"{end:%H:%M}"] for start, end in sorted(ranges)]
        for day, ranges in hours.items()
    }
    return data


def seed_baselines(apps, schema_editor):
    Structure = apps.get_model("directory", "Structure")
    OpeningHours = apps.get_model("directory", "OpeningHours")
    for structure in Structure.objects.exclude(id_fs=None).filter(imported__isnull=True):
        rows = OpeningHours.objects.filter(structure=structure)
        structure.imported = current_baseline(structure, rows)
        structure.save(update_fields=["imported"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_reception_details"),
    ]

    operations = [
        migrations.AddField(
            model_name="structure",
            name="imported",
            field=models.JSONField(
                blank=True, editable=False, null=True, verbose_name="valeurs du dernier import"
            ),
        ),
        migrations.RunPython(seed_baselines, migrations.RunPython.noop),
    ]
