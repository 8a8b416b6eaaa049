"""Money: telling the CAF what changed, a bank account, debts."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, paragraph, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    return {
        "argent": [
            {
                "slug": "declarer-un-changement-a-la-caf",
                "title": "Comment dire à la CAF que votre vie change ?",
                "summary": "Vous changez d'adresse ou de travail ? Vous sortez de prison ? Dites-le vite à la CAF.",
                "audience": "Vous recevez une aide de la CAF ou de la MSA.",
                "partners": [p["caf"], p["msa"]],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public unique pour cette démarche : aucun numéro cité.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site de la CAF. Ouvrez votre compte.",
                            "ordinateur",
                            "https://www.caf.fr",
                            "le site de la CAF",
                        ),
                        s("Choisissez « Déclarer un changement ».", "ordinateur"),
                        s("Dites ce qui change : adresse, travail, famille, ressources.", "documents"),
                        s("La CAF calcule de nouveau vos aides.", "argent"),
                    ),
                    checklist(
                        "Votre numéro d'allocataire",
                        "Votre mot de passe de la CAF",
                        "La date du changement",
                    ),
                    attention(
                        "<p>Dites-le <b>tout de suite</b>. Sinon, vous devrez peut-être rendre de l'argent.</p>"
                    ),
                    good_to_know(
                        "<p>Vous travaillez dans l'agriculture ? Faites-le sur le site de la MSA.</p>"
                    ),
                    contact(p["caf"]),
                ],
            },
            {
                "slug": "ouvrir-un-compte-en-banque",
                "title": "Comment ouvrir un compte en banque ?",
                "summary": "Un compte en banque sert à recevoir votre salaire et vos aides.",
                "audience": "Vous avez 18 ans ou plus. Vous vivez en France.",
                "partners": [p["la-poste"]],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le dépôt minimum pour ouvrir un livret à La Banque Postale n'est pas cité : "
                "à vérifier avant de l'ajouter. Numéro de la fiche Service-Public sur le droit au compte "
                "pas vérifié : aucun numéro cité.",
                "body": [
                    steps(
                        s(
                            "Allez dans une banque ou à un bureau de poste. Demandez à ouvrir un compte.",
                            "argent",
                        ),
                        s("Montrez vos papiers. La banque vous donne un RIB.", "documents"),
                        s("La banque refuse ? Demandez une lettre de refus.", "courrier"),
                        s(
                            "Allez à la Banque de France avec cette lettre. Elle choisit une banque pour vous.",
                            "conseiller",
                            "https://www.banque-france.fr",
                            "le site de la Banque de France",
                        ),
                    ),
                    checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Un justificatif de domicile ou votre attestation de domiciliation",
                        "Votre billet de sortie, si vous sortez de prison",
                    ),
                    good_to_know(
                        "<p>Le droit au compte est gratuit. La banque choisie doit vous ouvrir un compte.</p>"
                    ),
                    contact(p["la-poste"]),
                ],
            },
            {
                "slug": "faire-un-dossier-de-surendettement",
                "title": "Comment être aidé quand on a trop de dettes ?",
                "summary": "Vos dettes sont trop lourdes ? La Banque de France peut vous aider.",
                "audience": "Vous avez des dettes. Votre argent est trop juste pour les payer.",
                "partners": [],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro de la fiche Service-Public sur le surendettement pas vérifié : aucun numéro cité. "
                "La Banque de France n'est pas un partenaire de France services : pas de bloc contact.",
                "body": [
                    steps(
                        s("Faites la liste de vos dettes : loyer, factures, crédits, amendes.", "documents"),
                        s(
                            "Remplissez le dossier de surendettement sur le site de la Banque de France.",
                            "ordinateur",
                            "https://www.banque-france.fr",
                            "le site de la Banque de France",
                        ),
                        s("Envoyez le dossier. C'est gratuit.", "courrier"),
                        s("La Banque de France étudie votre dossier. Elle vous écrit.", "courrier"),
                        s("Elle peut étaler vos dettes ou en effacer une partie.", "argent"),
                    ),
                    checklist(
                        "Votre pièce d'identité",
                        "Vos ressources : salaires, aides, pensions",
                        "Les lettres de vos créanciers et vos contrats de crédit",
                    ),
                    attention("<p>Méfiez-vous des sociétés qui font payer ce dossier. Il est gratuit.</p>"),
                    paragraph(
                        "<p>Un conseiller France services ou le CCAS peut vous aider à remplir le dossier.</p>"
                    ),
                ],
            },
        ],
    }
