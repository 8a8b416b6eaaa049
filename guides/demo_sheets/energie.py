"""Energy: the chèque énergie, and help to renovate a home (France Rénov')."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    cheque, renov = p["cheque-energie"], p["france-renov"]
    return {
        "energie": [
            {
                "slug": "utiliser-son-cheque-energie",
                "title": "Comment utiliser son chèque énergie ?",
                "summary": "Le chèque énergie aide à payer le courant, le gaz, le fioul ou le bois.",
                "audience": "Vous avez reçu un chèque énergie à votre nom.",
                "partners": [cheque],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les montants ne sont pas cités : ils dépendent des ressources. Numéro Service-Public "
                "pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site du chèque énergie.",
                            "ordinateur",
                            "https://chequeenergie.gouv.fr",
                            "le site du chèque énergie",
                        ),
                        s("Écrivez le numéro du chèque et le code.", "documents"),
                        s("Choisissez votre fournisseur d'énergie. Il reçoit l'argent.", "argent"),
                        s(
                            "Sans internet ? Envoyez le chèque à votre fournisseur, avec une facture.",
                            "courrier",
                        ),
                    ),
                    checklist("Votre chèque énergie", "Une facture de votre fournisseur"),
                    attention(
                        "<p>Le chèque a une date de fin. Elle est écrite dessus. Il faut l'utiliser avant.</p>"
                    ),
                    good_to_know(
                        "<p>Sur le site, vous pouvez choisir de donner le chèque à votre fournisseur chaque année.</p>"
                    ),
                    contact(cheque),
                ],
            },
            {
                "slug": "recevoir-le-cheque-energie",
                "title": "Comment recevoir le chèque énergie ?",
                "summary": "Le chèque énergie arrive chez vous par courrier. Il faut déclarer ses revenus.",
                "audience": "Vous avez peu de ressources. Vous payez l'énergie de votre logement.",
                "partners": [cheque],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les dates d'envoi changent chaque année : elles ne sont pas citées. La demande en ligne "
                "ouverte en 2025 pour les foyers pas repérés est à vérifier pour 2026. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Déclarez vos revenus chaque année, même avec peu d'argent.",
                            "impots",
                            "https://www.impots.gouv.fr",
                            "le site des impôts",
                        ),
                        s("Le chèque arrive par courrier, à votre adresse.", "courrier"),
                        s(
                            "Rien reçu ? Regardez sur le site du chèque énergie si vous y avez droit.",
                            "ordinateur",
                            "https://chequeenergie.gouv.fr",
                            "le site du chèque énergie",
                        ),
                        s(
                            "Vous pouvez aussi appeler. L'appel est gratuit.",
                            "telephone",
                            phone="0 805 204 805",
                        ),
                    ),
                    checklist("Votre dernier avis d'impôt", "Votre adresse exacte"),
                    attention("<p>Vous déménagez ? Donnez votre nouvelle adresse aux impôts.</p>"),
                    contact(cheque),
                ],
            },
            {
                "slug": "avoir-des-conseils-pour-renover-son-logement",
                "title": "Comment avoir des conseils pour rénover son logement ?",
                "summary": "Un conseiller France Rénov' vous aide gratuitement pour vos travaux.",
                "audience": "Vous voulez isoler ou chauffer mieux votre logement.",
                "partners": [renov],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public unique : aucun numéro cité.",
                "body": [
                    steps(
                        s(
                            "Appelez France Rénov' ou allez sur son site.",
                            "telephone",
                            "https://france-renov.gouv.fr",
                            "le site de France Rénov'",
                            phone="0 808 800 700",
                        ),
                        s("Un conseiller près de chez vous vous répond. C'est gratuit.", "conseiller"),
                        s("Il vous dit quels travaux faire, et quelles aides demander.", "logement"),
                    ),
                    checklist(
                        "Votre dernier avis d'impôt",
                        "Vos factures d'énergie",
                        "Votre bail, si vous êtes locataire",
                    ),
                    attention(
                        "<p>Un vendeur vous appelle pour des travaux ? Méfiez-vous. France Rénov' est un service public gratuit.</p>"
                    ),
                    contact(renov),
                ],
            },
            {
                "slug": "demander-maprimerenov",
                "title": "Comment demander une aide pour des travaux chez soi ?",
                "summary": "MaPrimeRénov' aide à payer des travaux pour isoler ou chauffer un logement.",
                "audience": "Vous êtes propriétaire de votre logement.",
                "partners": [renov],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les règles et les montants de MaPrimeRénov' changent souvent (le guichet a fermé "
                "plusieurs mois en 2025) : à vérifier avant chaque publication. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Parlez d'abord à un conseiller France Rénov'.",
                            "conseiller",
                            phone="0 808 800 700",
                        ),
                        s(
                            "Demandez des devis à des artisans reconnus. Signez après la réponse seulement.",
                            "documents",
                        ),
                        s(
                            "Faites la demande sur le site de MaPrimeRénov'.",
                            "ordinateur",
                            "https://www.maprimerenov.gouv.fr",
                            "le site de MaPrimeRénov'",
                        ),
                        s("Attendez la réponse. Puis faites les travaux.", "rendez-vous"),
                        s("L'aide est payée après les travaux.", "argent"),
                    ),
                    checklist(
                        "Votre dernier avis d'impôt",
                        "Les devis des artisans",
                        "Une adresse mail",
                    ),
                    attention("<p>Attendez la réponse avant de commencer les travaux.</p>"),
                    contact(renov),
                ],
            },
        ],
    }
