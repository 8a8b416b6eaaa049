"""Work: unemployment benefit, training, a CV, working for oneself (Urssaf)."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    ft, urssaf = p["france-travail"], p["urssaf"]
    return {
        "travail": [
            {
                "slug": "toucher-l-allocation-chomage",
                "title": "Comment être payé par France Travail quand on perd son travail ?",
                "summary": "Après un travail, France Travail peut vous verser une allocation chômage.",
                "audience": "Vous avez perdu votre travail. Vous avez travaillé assez longtemps avant.",
                "partners": [ft],
                "number": "",
                "checked": WRITTEN,
                "notes": "La durée de travail qui donne droit au chômage n'est pas citée : les règles ont "
                "changé en 2025, à vérifier avant de l'ajouter. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Inscrivez-vous à France Travail dès la fin de votre contrat.",
                            "ordinateur",
                            "https://www.francetravail.fr",
                            "le site de France Travail",
                        ),
                        s("Demandez l'allocation chômage pendant l'inscription.", "documents"),
                        s(
                            "France Travail vous écrit. Il dit combien vous recevez, et pendant combien de temps.",
                            "courrier",
                        ),
                        s(
                            "Chaque mois, faites votre actualisation. Puis France Travail vous paie.",
                            "argent",
                            phone="39 49",
                        ),
                    ),
                    checklist(
                        "Vos attestations d'employeur",
                        "Votre RIB",
                        "Votre carte d'identité ou votre titre de séjour",
                        "Votre numéro de sécurité sociale",
                    ),
                    attention(
                        "<p>Faites l'actualisation <b>chaque mois</b>. Sinon, le paiement s'arrête.</p>"
                    ),
                    contact(ft),
                ],
            },
            {
                "slug": "trouver-une-formation",
                "title": "Comment trouver une formation pour apprendre un métier ?",
                "summary": "Une formation aide à apprendre un métier et à trouver un travail.",
                "audience": "Vous cherchez un travail. Vous voulez apprendre un métier.",
                "partners": [ft],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public unique : aucun numéro cité. Les règles de paiement "
                "pendant la formation ne sont pas citées.",
                "body": [
                    steps(
                        s("Parlez de votre projet à votre conseiller France Travail.", "conseiller"),
                        s(
                            "Cherchez une formation sur le site de France Travail.",
                            "ordinateur",
                            "https://www.francetravail.fr",
                            "le site de France Travail",
                        ),
                        s(
                            "Regardez aussi votre compte formation sur le site Mon compte formation.",
                            "ordinateur",
                            "https://www.moncompteformation.gouv.fr",
                            "le site Mon compte formation",
                        ),
                        s("Votre conseiller vous aide à vous inscrire.", "rendez-vous"),
                    ),
                    checklist(
                        "Votre CV",
                        "Votre numéro de sécurité sociale",
                        "Vos diplômes, si vous en avez",
                    ),
                    good_to_know("<p>Votre CPIP peut aussi vous parler des formations.</p>"),
                    contact(ft),
                ],
            },
            {
                "slug": "faire-son-cv",
                "title": "Comment faire son CV ?",
                "summary": "Le CV présente ce que vous savez faire. Les employeurs le demandent.",
                "audience": "Vous cherchez un travail ou une formation.",
                "partners": [ft],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public sur le CV : aucun numéro cité.",
                "body": [
                    steps(
                        s("Écrivez vos nom, téléphone et adresse mail en haut de la page.", "documents"),
                        s("Écrivez vos métiers, du plus récent au plus ancien.", "travail"),
                        s("Ajoutez vos formations et ce que vous savez faire.", "documents"),
                        s(
                            "Faites-le sur le site de France Travail. Il vous guide.",
                            "ordinateur",
                            "https://www.francetravail.fr",
                            "le site de France Travail",
                        ),
                        s("Faites relire votre CV par un conseiller.", "conseiller"),
                    ),
                    checklist(
                        "Vos dates de travail",
                        "Vos diplômes et vos attestations de formation",
                        "Une adresse mail",
                        heading="Ce qu'il faut préparer",
                    ),
                    good_to_know(
                        "<p>Le travail fait en prison compte. Vous pouvez l'écrire dans votre CV.</p>"
                    ),
                    contact(ft),
                ],
            },
            {
                "slug": "creer-une-micro-entreprise",
                "title": "Comment travailler à son compte en micro-entreprise ?",
                "summary": "La micro-entreprise permet de travailler pour soi, avec des règles simples.",
                "audience": "Vous voulez travailler à votre compte : ménage, bâtiment, livraison, vente.",
                "partners": [urssaf],
                "number": "",
                "checked": WRITTEN,
                "notes": "Depuis 2023, la création passe par le guichet unique des formalités des entreprises. "
                "Numéro Service-Public pas vérifié : aucun numéro cité. Certains métiers demandent un diplôme "
                "ou une carte : à voir avec le conseiller.",
                "body": [
                    steps(
                        s(
                            "Parlez de votre projet avec un conseiller France services ou votre CPIP.",
                            "conseiller",
                        ),
                        s(
                            "Déclarez votre micro-entreprise sur le guichet unique, sur internet. C'est gratuit.",
                            "ordinateur",
                            "https://formalites.entreprises.gouv.fr",
                            "le guichet unique",
                        ),
                        s("Vous recevez votre numéro Siret par courrier.", "courrier"),
                        s(
                            "Créez votre compte sur le site de l'Urssaf pour les micro-entrepreneurs.",
                            "ordinateur",
                            "https://www.autoentrepreneur.urssaf.fr",
                            "le site de l'Urssaf",
                        ),
                    ),
                    checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Un justificatif de domicile",
                        "Votre numéro de sécurité sociale",
                    ),
                    attention(
                        "<p>Certains sites font payer la déclaration. Elle est gratuite sur le guichet unique.</p>"
                    ),
                    contact(urssaf),
                ],
            },
            {
                "slug": "declarer-son-chiffre-d-affaires",
                "title": "Comment déclarer son chiffre d'affaires à l'Urssaf ?",
                "summary": "Chaque mois ou tous les 3 mois, vous déclarez votre chiffre d'affaires à l'Urssaf.",
                "audience": "Vous avez une micro-entreprise.",
                "partners": [urssaf],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les taux de cotisation ne sont pas cités : ils changent. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Ouvrez votre compte sur le site de l'Urssaf.",
                            "ordinateur",
                            "https://www.autoentrepreneur.urssaf.fr",
                            "le site de l'Urssaf",
                        ),
                        s("Écrivez l'argent reçu de vos clients pendant le mois ou les 3 mois.", "argent"),
                        s("Vous avez gagné 0 € ? Déclarez 0 €.", "documents"),
                        s("Payez les cotisations sur le site.", "argent"),
                    ),
                    checklist(
                        "Votre numéro Siret",
                        "Vos factures et vos reçus",
                        "Votre RIB",
                    ),
                    attention("<p>Déclarez à chaque fois, même à 0 €. Sinon, vous payez une pénalité.</p>"),
                    good_to_know(
                        "<p>Vous recevez le RSA ou la prime d'activité ? Dites aussi vos gains à la CAF.</p>"
                    ),
                    contact(urssaf),
                ],
            },
        ],
    }
