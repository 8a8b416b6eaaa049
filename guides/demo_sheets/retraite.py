"""Retirement: career record, the retirement claim, the Aspa, survivor's pension."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)
INFO_RETRAITE = "https://www.info-retraite.fr"


def sheets(p, i):
    s = Steps(i)
    cnav, arrco, msa = p["assurance-retraite"], p["agirc-arrco"], p["msa"]
    return {
        "retraite": [
            {
                "slug": "verifier-son-releve-de-carriere",
                "title": "Comment vérifier son relevé de carrière ?",
                "summary": "Le relevé de carrière montre tout votre travail. Il sert à calculer votre retraite.",
                "audience": "Vous avez travaillé en France. Vous préparez votre retraite.",
                "partners": [cnav, arrco],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro Service-Public pas vérifié : aucun numéro cité. La façon dont le travail en "
                "prison compte pour la retraite n'est pas citée : à vérifier.",
                "body": [
                    steps(
                        s(
                            "Créez votre compte sur le site info-retraite.",
                            "ordinateur",
                            INFO_RETRAITE,
                            "le site info-retraite",
                        ),
                        s("Ouvrez votre relevé de carrière.", "documents"),
                        s("Vérifiez chaque année : travail, chômage, maladie.", "travail"),
                        s("Une année manque ? Demandez à la corriger, sur le site.", "ordinateur"),
                    ),
                    checklist(
                        "Votre numéro de sécurité sociale",
                        "Vos fiches de paie ou vos contrats de travail",
                        "Vos papiers de France Travail",
                    ),
                    good_to_know("<p>Gardez vos fiches de paie toute votre vie.</p>"),
                    contact(cnav),
                ],
            },
            {
                "slug": "demander-sa-retraite",
                "title": "Comment demander sa retraite ?",
                "summary": "Une seule demande sur internet suffit pour toutes vos caisses de retraite.",
                "audience": "Vous allez bientôt arrêter de travailler pour la retraite.",
                "partners": [cnav, arrco, msa],
                "number": "",
                "checked": WRITTEN,
                "notes": "L'âge de départ n'est pas cité : il dépend de l'année de naissance et a changé "
                "plusieurs fois. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s("Faites la demande 6 mois avant la date choisie.", "rendez-vous"),
                        s(
                            "Allez sur le site info-retraite. Choisissez « Demander ma retraite ».",
                            "ordinateur",
                            INFO_RETRAITE,
                            "le site info-retraite",
                        ),
                        s("La demande part à toutes vos caisses, avec l'Agirc-Arrco.", "courrier"),
                        s("Chaque caisse vous écrit. Elle dit combien vous recevez.", "argent"),
                    ),
                    checklist(
                        "Votre numéro de sécurité sociale",
                        "Votre RIB",
                        "Votre dernier avis d'impôt",
                    ),
                    good_to_know(
                        "<p>Un conseiller de l'Assurance retraite peut vous recevoir. Appelez le 39 60.</p>"
                    ),
                    contact(cnav),
                ],
            },
            {
                "slug": "demander-le-minimum-vieillesse",
                "title": "Comment demander le minimum vieillesse ?",
                "summary": "L'Aspa ajoute de l'argent à une petite retraite.",
                "audience": "Vous avez 65 ans ou plus. Vous vivez en France. Votre retraite est petite.",
                "partners": [cnav, msa],
                "number": "F16871",
                "checked": WRITTEN,
                "notes": "Les montants et le plafond de ressources changent chaque année : ils ne sont pas cités. "
                "Les cas avant 65 ans ne sont pas traités.",
                "body": [
                    steps(
                        s("Demandez d'abord toutes vos retraites.", "documents"),
                        s("Demandez l'Aspa à votre caisse de retraite.", "conseiller"),
                        s("Remplissez le formulaire. Joignez vos papiers.", "courrier"),
                        s("La caisse vous répond par courrier.", "courrier"),
                    ),
                    checklist(
                        "Votre pièce d'identité",
                        "Vos ressources des 3 derniers mois",
                        "Votre RIB",
                    ),
                    attention(
                        "<p>Après le décès, l'Aspa peut être reprise sur l'héritage. Demandez conseil.</p>"
                    ),
                    contact(cnav),
                ],
            },
            {
                "slug": "demander-une-pension-de-reversion",
                "title": "Comment demander une pension de réversion ?",
                "summary": "Votre mari ou votre femme est décédé ? Vous pouvez recevoir une part de sa retraite.",
                "audience": "Votre mari ou votre femme est décédé. Vous étiez mariés.",
                "partners": [cnav, arrco],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les conditions d'âge et de ressources ne sont pas citées : elles diffèrent selon "
                "les caisses. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site info-retraite. Choisissez « Demander ma réversion ».",
                            "ordinateur",
                            INFO_RETRAITE,
                            "le site info-retraite",
                        ),
                        s("Écrivez les informations sur la personne décédée.", "documents"),
                        s("La demande part à toutes ses caisses, avec l'Agirc-Arrco.", "courrier"),
                        s("Chaque caisse vous répond.", "courrier"),
                    ),
                    checklist(
                        "L'acte de décès",
                        "Votre acte de mariage",
                        "Le numéro de sécurité sociale de la personne décédée",
                        "Votre RIB",
                    ),
                    good_to_know("<p>Seuls les couples mariés y ont droit, pas les couples pacsés.</p>"),
                    contact(arrco),
                ],
            },
        ],
    }
