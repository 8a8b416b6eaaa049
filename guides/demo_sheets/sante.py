"""Health: a family doctor, sick pay, the ameli account."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    cpam = p["assurance-maladie"]
    return {
        "sante": [
            {
                "slug": "choisir-son-medecin-traitant",
                "title": "Comment choisir son médecin traitant ?",
                "summary": "Avec un médecin traitant, vous êtes mieux remboursé de vos soins.",
                "audience": "Vous avez 16 ans ou plus. Vous avez l'Assurance maladie.",
                "partners": [cpam],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro Service-Public pas vérifié : aucun numéro cité. Les taux de remboursement "
                "ne sont pas cités.",
                "body": [
                    steps(
                        s("Choisissez un médecin près de chez vous.", "sante"),
                        s("Demandez-lui d'être votre médecin traitant.", "conseiller"),
                        s("Le médecin le déclare sur internet, avec votre carte Vitale.", "ordinateur"),
                        s("Allez voir ce médecin en premier quand vous êtes malade.", "rendez-vous"),
                    ),
                    checklist("Votre carte Vitale ou votre attestation de droits"),
                    good_to_know(
                        "<p>Aucun médecin ne vous accepte ? Appelez l'Assurance maladie au 36 46.</p>"
                    ),
                    contact(cpam),
                ],
            },
            {
                "slug": "etre-paye-pendant-un-arret-maladie",
                "title": "Comment être payé pendant un arrêt maladie ?",
                "summary": "Quand vous êtes malade, votre caisse peut vous payer une partie du salaire.",
                "audience": "Vous travaillez. Le médecin vous donne un arrêt de travail.",
                "partners": [cpam, p["msa"]],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le montant et le délai de carence ne sont pas cités. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Le médecin vous donne un arrêt de travail. Souvent, il l'envoie lui-même par internet.",
                            "sante",
                        ),
                        s(
                            "Sur papier ? Envoyez les 2 premières feuilles à votre caisse, en 48 heures.",
                            "courrier",
                        ),
                        s("Envoyez la 3e feuille à votre employeur.", "travail"),
                        s("Votre employeur envoie votre salaire à la caisse. Elle vous paie.", "argent"),
                    ),
                    checklist("Votre carte Vitale", "L'arrêt de travail donné par le médecin"),
                    attention(
                        "<p>Restez chez vous aux heures écrites sur l'arrêt. La caisse peut contrôler.</p>"
                    ),
                    good_to_know("<p>Vous travaillez dans l'agriculture ? Envoyez l'arrêt à la MSA.</p>"),
                    contact(cpam),
                ],
            },
            {
                "slug": "creer-son-compte-ameli",
                "title": "Comment créer son compte ameli ?",
                "summary": "Le compte ameli sert à suivre vos remboursements et à faire vos démarches de santé.",
                "audience": "Vous avez l'Assurance maladie. Vous avez une adresse mail.",
                "partners": [cpam],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public pour ce compte : aucun numéro cité.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site ameli. Cliquez sur « Créer mon compte ».",
                            "ordinateur",
                            "https://www.ameli.fr",
                            "le site ameli",
                        ),
                        s("Écrivez votre numéro de sécurité sociale et votre adresse mail.", "documents"),
                        s("Vous recevez un code par courrier ou par mail.", "courrier"),
                        s("Écrivez le code sur le site. Votre compte est prêt.", "ordinateur"),
                    ),
                    checklist(
                        "Votre carte Vitale ou votre numéro de sécurité sociale",
                        "Une adresse mail",
                        "Votre RIB",
                        heading="Ce qu'il faut préparer",
                    ),
                    good_to_know(
                        "<p>Dans votre compte, vous pouvez avoir une attestation de droits tout de suite.</p>"
                    ),
                    contact(cpam),
                ],
            },
        ],
    }
