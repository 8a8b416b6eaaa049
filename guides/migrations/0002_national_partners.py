"""The national partners of France services, and the editors' right to change them.

Reference data, not demo content: the programme's list as of January 2025.
Phone numbers are the national ones; left blank where there is no single number.
"""

import datetime

from django.db import migrations

from home.groups import EDITORS, grant, model_codenames

LAUNCH = datetime.date(2020, 1, 1)
JOINED_2025 = datetime.date(2025, 1, 1)

PARTNERS = [
    # name, short name, slug, phone, website, joined
    ("Caisse d'allocations familiales", "CAF", "caf", "32 30", "https://www.caf.fr", LAUNCH),
    ("Assurance maladie", "CPAM", "assurance-maladie", "36 46", "https://www.ameli.fr", LAUNCH),
    (
        "Assurance retraite",
        "CNAV",
        "assurance-retraite",
        "39 60",
        "https://www.lassuranceretraite.fr",
        LAUNCH,
    ),
    (
        "Finances publiques",
        "DGFiP",
        "finances-publiques",
        "0 809 401 401",
        "https://www.impots.gouv.fr",
        LAUNCH,
    ),
    ("France Travail", "France Travail", "france-travail", "39 49", "https://www.francetravail.fr", LAUNCH),
    ("Mutualité sociale agricole", "MSA", "msa", "", "https://www.msa.fr", LAUNCH),
    ("Ministère de la Justice", "Justice", "justice", "", "https://www.justice.fr", LAUNCH),
    ("Ministère de l'Intérieur (ANTS)", "ANTS", "interieur", "34 00", "https://ants.gouv.fr", LAUNCH),
    ("La Poste", "La Poste", "la-poste", "36 31", "https://www.laposte.fr", LAUNCH),
    ("France Rénov'", "France Rénov'", "france-renov", "0 808 800 700", "https://france-renov.gouv.fr", None),
    (
        "Chèque énergie",
        "Chèque énergie",
        "cheque-energie",
        "0 805 204 805",
        "https://chequeenergie.gouv.fr",
        None,
    ),
    ("Urssaf", "Urssaf", "urssaf", "", "https://www.urssaf.fr", JOINED_2025),
    ("Agirc-Arrco", "Agirc-Arrco", "agirc-arrco", "0 820 200 189", "https://www.agirc-arrco.fr", JOINED_2025),
]


def create_partners(apps, schema_editor):
    Partner = apps.get_model("guides", "Partner")
    for name, short_name, slug, phone, website, joined_on in PARTNERS:
        Partner.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "phone": phone,
                "website": website,
                "joined_on": joined_on,
            },
        )
    grant(apps, EDITORS, "guides", model_codenames("partner"))


def remove_partners(apps, schema_editor):
    apps.get_model("guides", "Partner").objects.filter(slug__in=[p[2] for p in PARTNERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_partner"),
        ("home", "0003_create_groups"),
    ]

    operations = [migrations.RunPython(create_partners, remove_partners)]
