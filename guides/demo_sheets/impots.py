"""Taxes: a copy of the tax notice, time to pay."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    dgfip = p["finances-publiques"]
    return {
        "impots": [
            {
                "slug": "avoir-son-avis-d-impot",
                "title": "Comment avoir son avis d'impôt ?",
                "summary": "La CAF, le bailleur ou la banque demandent souvent votre avis d'impôt.",
                "audience": "Vous avez déclaré vos revenus.",
                "partners": [dgfip],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro Service-Public pas vérifié : aucun numéro cité.",
                "body": [
                    steps(
                        s(
                            "Ouvrez votre espace sur le site des impôts.",
                            "ordinateur",
                            "https://www.impots.gouv.fr",
                            "le site des impôts",
                        ),
                        s("Allez dans « Documents ». Choisissez l'année.", "documents"),
                        s("Téléchargez l'avis. Imprimez-le si besoin.", "impots"),
                        s(
                            "Sans internet ? Demandez-le au centre des impôts ou par téléphone.",
                            "telephone",
                            phone="0 809 401 401",
                        ),
                    ),
                    checklist("Votre numéro fiscal", "Votre mot de passe du site des impôts"),
                    good_to_know("<p>Pas encore d'avis ? Déclarez d'abord vos revenus.</p>"),
                    contact(dgfip),
                ],
            },
            {
                "slug": "demander-un-delai-pour-payer-ses-impots",
                "title": "Comment demander un délai pour payer ses impôts ?",
                "summary": "Vous avez du mal à payer vos impôts à temps ? Demandez à payer plus tard ou en plusieurs fois.",
                "audience": "Vous avez un impôt à payer. Vous avez peu d'argent en ce moment.",
                "partners": [dgfip],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro Service-Public pas vérifié : aucun numéro cité. La réponse n'est pas automatique.",
                "body": [
                    steps(
                        s(
                            "Ouvrez votre espace sur le site des impôts.",
                            "ordinateur",
                            "https://www.impots.gouv.fr",
                            "le site des impôts",
                        ),
                        s("Écrivez un message dans la messagerie. Expliquez votre situation.", "courrier"),
                        s("Proposez une somme à payer chaque mois.", "argent"),
                        s("Les impôts vous répondent dans votre espace.", "impots"),
                    ),
                    checklist("Votre avis d'impôt", "Vos ressources et vos dépenses du mois"),
                    attention("<p>Demandez <b>avant</b> la date de paiement. Après, vous payez plus.</p>"),
                    contact(dgfip),
                ],
            },
        ],
    }
