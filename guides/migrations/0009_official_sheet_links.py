"""A sheet's Service-Public.fr number and address become a link to an official sheet (chosen, not typed).

Each sheet with a number, or an address that names one, is linked to that official sheet; a
sheet not imported yet is created with its number only (a placeholder that the next import of
the DILA's data fills in). Going back writes the first linked number and its address again.
"""

import re

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

NUMBER = re.compile(r"(?<![A-Za-z0-9])([FNR][0-9]{1,6})(?![0-9])")
OLD_ADDRESS = "https://www.service-public.fr/particuliers/vosdroits/{number}"


def sheet_number(number, url):
    if number:
        return number
    match = NUMBER.search(url or "")
    return match[1] if match else ""


def link_official_sheets(apps, schema_editor):
    ProcedureSheetPage = apps.get_model("guides", "ProcedureSheetPage")
    OfficialSheetLink = apps.get_model("guides", "OfficialSheetLink")
    OfficialSheet = apps.get_model("servicepublic", "OfficialSheet")
    sheets = ProcedureSheetPage.objects.exclude(service_public_number="", service_public_url="")
    for page_id, number, url in sheets.values_list("pk", "service_public_number", "service_public_url"):
        number = sheet_number(number, url)
        if not number:
            continue
        official, _created = OfficialSheet.objects.get_or_create(
            identifier=number,
            defaults={"title": number, "source_url": url if number in (url or "") else ""},
        )
        OfficialSheetLink.objects.get_or_create(
            page_id=page_id, official_sheet=official, defaults={"sort_order": 0}
        )


def write_numbers_back(apps, schema_editor):
    ProcedureSheetPage = apps.get_model("guides", "ProcedureSheetPage")
    OfficialSheetLink = apps.get_model("guides", "OfficialSheetLink")
    first = {}
    for page_id, number in OfficialSheetLink.objects.order_by("sort_order", "pk").values_list(
        "page_id", "official_sheet__identifier"
    ):
        first.setdefault(page_id, number)
    for page_id, number in first.items():
        ProcedureSheetPage.objects.filter(pk=page_id).update(
            service_public_number=number[:10], service_public_url=OLD_ADDRESS.format(number=number)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0008_block_labels_capitalised"),
        ("servicepublic", "0001_official_sheet"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfficialSheetLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "official_sheet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="falc_sheet_links",
                        to="servicepublic.officialsheet",
                        verbose_name="fiche officielle",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="official_sheet_links",
                        to="guides.proceduresheetpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "fiche officielle",
                "verbose_name_plural": "fiches officielles",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(link_official_sheets, write_numbers_back),
        migrations.RemoveField(model_name="proceduresheetpage", name="service_public_number"),
        migrations.RemoveField(model_name="proceduresheetpage", name="service_public_url"),
    ]
