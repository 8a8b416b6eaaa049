"""Every national partner gets its everyday name and a short explanation.

The public pages showed "DGFiP", "CNAV", "Urssaf", "Agirc-Arrco" with nothing to
say what they are. Fills only what is still empty, so that an editor's wording stays.
"""

from django.db import migrations

PARTNERS = {
    # slug: (everyday name, explanation)
    "caf": (
        "Allocations familiales",
        "La CAF verse des aides : pour le logement, pour les enfants, le RSA, la prime d'activité.",
    ),
    "assurance-maladie": (
        "Santé",
        "L'Assurance maladie rembourse les soins : médecin, médicaments, hôpital. Elle donne la carte Vitale.",
    ),
    "assurance-retraite": (
        "Retraite",
        "L'Assurance retraite paie la retraite des salariés. Elle aide à préparer le départ à la retraite.",
    ),
    "finances-publiques": (
        "Impôts",
        "Les Finances publiques s'occupent des impôts : la déclaration de revenus, l'impôt sur le revenu, "
        "la taxe foncière.",
    ),
    "france-travail": (
        "Emploi",
        "France Travail aide à trouver un travail et paie les allocations chômage. Avant, on disait Pôle emploi.",
    ),
    "msa": (
        "Agriculteurs",
        "La MSA s'occupe de la santé, de la famille et de la retraite des agriculteurs et des salariés agricoles.",
    ),
    "justice": (
        "Justice",
        "La Justice : les tribunaux, l'aide pour payer un avocat, les démarches pour faire valoir ses droits.",
    ),
    "interieur": (
        "Papiers d'identité, permis, carte grise",
        "L'ANTS fait les cartes d'identité, les passeports, les permis de conduire et les cartes grises. "
        "On fait la demande sur internet.",
    ),
    "la-poste": (
        "Courrier et banque",
        "La Poste : les lettres, les colis, et la Banque postale pour avoir un compte.",
    ),
    "france-renov": (
        "Rénover son logement",
        "France Rénov' conseille pour rénover son logement et payer moins cher l'énergie. "
        "Elle dit quelles aides demander.",
    ),
    "cheque-energie": (
        "Aide pour payer l'énergie",
        "Le chèque énergie aide à payer les factures d'électricité, de gaz ou de fioul. "
        "Il arrive chaque année par la poste, si vos revenus sont bas.",
    ),
    "urssaf": (
        "Cotisations",
        "L'Urssaf reçoit les cotisations sociales. Elle s'occupe des auto-entrepreneurs et des personnes "
        "qui emploient quelqu'un chez elles.",
    ),
    "agirc-arrco": (
        "Retraite complémentaire",
        "L'Agirc-Arrco paie la retraite complémentaire des salariés du privé : une 2e retraite, "
        "en plus de celle de l'Assurance retraite.",
    ),
}


def fill_everyday_names(apps, schema_editor):
    Partner = apps.get_model("guides", "Partner")
    for partner in Partner.objects.filter(slug__in=PARTNERS):
        everyday_name, explanation = PARTNERS[partner.slug]
        partner.everyday_name = partner.everyday_name or everyday_name
        partner.explanation = partner.explanation or explanation
        partner.save(update_fields=["everyday_name", "explanation"])


def clear_everyday_names(apps, schema_editor):
    Partner = apps.get_model("guides", "Partner")
    for slug, (everyday_name, explanation) in PARTNERS.items():
        Partner.objects.filter(slug=slug, everyday_name=everyday_name).update(everyday_name="")
        Partner.objects.filter(slug=slug, explanation=explanation).update(explanation="")


class Migration(migrations.Migration):
    dependencies = [("guides", "0006_partner_everyday_name_and_explanation")]

    operations = [migrations.RunPython(fill_everyday_names, clear_everyday_names)]
