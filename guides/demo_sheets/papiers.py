"""Papers: passport, driving licence, residence permit, registration certificate (ANTS)."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    ants = p["interieur"]
    return {
        "papiers": [
            {
                "slug": "demander-un-passeport",
                "title": "Comment demander un passeport ?",
                "summary": "Le passeport sert à voyager dans les pays qui le demandent.",
                "audience": "Vous êtes français.",
                "partners": [ants],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le prix du timbre fiscal n'est pas cité : à vérifier sur le site de l'ANTS. "
                "Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Faites une pré-demande sur le site de l'ANTS.",
                            "ordinateur",
                            "https://ants.gouv.fr",
                            "le site de l'ANTS",
                        ),
                        s("Achetez le timbre fiscal sur internet ou au bureau de tabac.", "argent"),
                        s("Prenez rendez-vous dans une mairie qui fait les passeports.", "rendez-vous"),
                        s("Allez au rendez-vous. La mairie prend vos empreintes.", "papiers"),
                        s("Un message vous dit quand le passeport est prêt. Allez le chercher.", "telephone"),
                    ),
                    checklist(
                        "Le numéro de pré-demande",
                        "Une photo d'identité de moins de 6 mois",
                        "Un justificatif de domicile",
                        "Votre carte d'identité, si vous en avez une",
                        "Le timbre fiscal",
                    ),
                    good_to_know("<p>Le passeport d'un adulte est valable 10 ans.</p>"),
                    contact(ants),
                ],
            },
            {
                "slug": "refaire-son-permis-de-conduire",
                "title": "Comment refaire son permis de conduire perdu ou volé ?",
                "summary": "Votre permis est perdu ou volé ? Demandez un nouveau permis sur le site de l'ANTS.",
                "audience": "Vous avez un permis de conduire français. Vous l'avez perdu, ou on vous l'a volé.",
                "partners": [ants],
                "number": "F1727",
                "checked": WRITTEN,
                "notes": "Le cas d'un permis annulé ou suspendu par le juge n'est pas traité ici : "
                "les règles dépendent de la décision.",
                "body": [
                    steps(
                        s("Permis volé ? Déclarez le vol à la police ou à la gendarmerie.", "justice"),
                        s(
                            "Faites la demande sur le site de l'ANTS.",
                            "ordinateur",
                            "https://ants.gouv.fr",
                            "le site de l'ANTS",
                        ),
                        s("Faites une photo chez un photographe agréé. Il vous donne un code.", "papiers"),
                        s("Payez le timbre fiscal de 25 € si le permis est perdu ou volé.", "argent"),
                        s("Vous recevez le nouveau permis chez vous, par la poste.", "courrier"),
                    ),
                    checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Un justificatif de domicile",
                        "Le code de la photo",
                        "La déclaration de vol, si le permis est volé",
                    ),
                    attention("<p>Sans permis dans la main, il est interdit de conduire.</p>"),
                    good_to_know("<p>Prix du timbre fiscal : 25 €, en décembre 2026.</p>"),
                    contact(ants),
                ],
            },
            {
                "slug": "renouveler-son-titre-de-sejour",
                "title": "Comment renouveler son titre de séjour ?",
                "summary": "Votre titre de séjour finit bientôt ? Demandez le nouveau sur internet, à l'avance.",
                "audience": "Vous êtes étranger. Vous avez un titre de séjour en France.",
                "partners": [ants],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le délai exact pour demander le renouvellement n'est pas cité : il dépend du titre. "
                "Le prix n'est pas cité. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s("Faites la demande plusieurs mois avant la fin de votre titre.", "rendez-vous"),
                        s(
                            "Allez sur le site des étrangers en France du ministère de l'Intérieur.",
                            "ordinateur",
                            "https://administration-etrangers-en-france.interieur.gouv.fr",
                            "le site des étrangers en France",
                        ),
                        s("Remplissez la demande. Envoyez les photos de vos papiers.", "documents"),
                        s("Vous recevez une attestation. Gardez-la sur vous.", "papiers"),
                        s("La préfecture vous dit quand venir chercher le titre.", "courrier"),
                    ),
                    checklist(
                        "Votre titre de séjour",
                        "Votre passeport",
                        "Un justificatif de domicile",
                        "Une photo d'identité récente",
                    ),
                    attention("<p>Vous sortez de prison ? Parlez-en à votre CPIP avant la sortie.</p>"),
                    contact(ants),
                ],
            },
            {
                "slug": "faire-sa-carte-grise",
                "title": "Comment faire sa carte grise ?",
                "summary": "La carte grise prouve que la voiture ou la moto est à vous.",
                "audience": "Vous achetez une voiture ou une moto. Ou vous déménagez.",
                "partners": [ants],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le prix dépend de la région et du véhicule : il n'est pas cité. Numéro Service-Public "
                "pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site de l'ANTS. Choisissez « Carte grise ».",
                            "ordinateur",
                            "https://ants.gouv.fr",
                            "le site de l'ANTS",
                        ),
                        s("Écrivez les numéros donnés par le vendeur.", "documents"),
                        s("Payez sur le site.", "argent"),
                        s("Vous recevez la carte grise chez vous, par la poste.", "courrier"),
                    ),
                    checklist(
                        "Votre permis de conduire",
                        "Un justificatif de domicile",
                        "La déclaration de cession et le code donné par le vendeur",
                        "Le contrôle technique, si le véhicule a plus de 4 ans",
                    ),
                    attention("<p>Faites-la en 1 mois après l'achat.</p>"),
                    good_to_know(
                        "<p>Méfiez-vous des sites qui font payer plus cher. Le vrai site finit par gouv.fr.</p>"
                    ),
                    contact(ants),
                ],
            },
        ],
    }
