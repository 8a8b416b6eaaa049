"""Justice: the criminal record extract, free legal advice, and the first steps out of detention."""

import datetime

from django.utils.html import escape

from .blocks import Steps, attention, checklist, contact, good_to_know, paragraph, steps

WRITTEN = datetime.date(2026, 12, 7)

EXIT_SLUG = "sortir-de-detention-par-quoi-commencer"
EXIT_TOPIC = "sortir-de-detention"
# The sheets a person leaving detention needs first, in the order to read them.
EXIT_READING_ORDER = [
    "demander-sa-carte-d-identite",
    "avoir-une-adresse-pour-son-courrier",
    "ouvrir-un-compte-en-banque",
    "avoir-sa-carte-vitale",
    "demander-la-complementaire-sante-solidaire",
    "demander-le-rsa",
    "s-inscrire-a-france-travail",
    "trouver-un-hebergement-d-urgence",
]


def sheets(p, i):
    s = Steps(i)
    justice = p["justice"]
    return {
        "justice": [
            {
                "slug": "demander-un-extrait-de-casier-judiciaire",
                "title": "Comment avoir un extrait de casier judiciaire ?",
                "summary": "Un employeur peut vous demander un extrait de casier judiciaire. C'est gratuit.",
                "audience": "Vous avez besoin de votre extrait de casier judiciaire, pour vous.",
                "partners": [justice],
                "number": "F1420",
                "checked": WRITTEN,
                "notes": "Les cas des personnes nées outre-mer ne sont pas traités.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site du casier judiciaire.",
                            "ordinateur",
                            "https://casier-judiciaire.justice.gouv.fr",
                            "le site du casier judiciaire",
                        ),
                        s("Remplissez la demande. Vous pouvez passer par FranceConnect.", "documents"),
                        s("Confirmez la demande avec le lien reçu par mail.", "courrier"),
                        s("Vous recevez l'extrait par mail ou par courrier.", "courrier"),
                    ),
                    checklist(
                        "Une adresse mail",
                        "Votre pièce d'identité, si vous êtes né à l'étranger",
                        heading="Ce qu'il faut préparer",
                    ),
                    attention("<p>Seule la personne elle-même peut demander son extrait.</p>"),
                    good_to_know("<p>Vous pouvez aussi envoyer le formulaire par courrier.</p>"),
                    contact(justice),
                ],
            },
            {
                "slug": "trouver-un-point-justice",
                "title": "Comment avoir des conseils gratuits sur ses droits ?",
                "summary": "Dans un point-justice, un juriste répond à vos questions. C'est gratuit.",
                "audience": "Vous avez une question de droit : travail, logement, famille, dettes, justice.",
                "partners": [justice],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le numéro de téléphone national de l'accès au droit n'est pas cité : à vérifier. "
                "Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Cherchez un point-justice près de chez vous sur le site justice.fr.",
                            "ordinateur",
                            "https://www.justice.fr",
                            "le site justice.fr",
                        ),
                        s("Appelez pour prendre rendez-vous.", "telephone"),
                        s("Venez avec vos papiers. Un juriste ou un avocat vous répond.", "justice"),
                    ),
                    checklist("Les lettres et les papiers de votre affaire", "Votre pièce d'identité"),
                    good_to_know("<p>Ce que vous dites reste secret.</p>"),
                    contact(justice),
                ],
            },
        ],
    }


def exit_sheet(p, i, pages):
    """The "Sortir de détention" sheet: the first steps, then the sheets to read, in order.

    ``pages``: the demo's sheets by slug (they must exist: the links point at their ids).
    """
    s = Steps(i)
    links = "".join(
        f'<p>{number}. <a linktype="page" id="{pages[slug].pk}">{escape(pages[slug].title)}</a></p>'
        for number, slug in enumerate(EXIT_READING_ORDER, start=1)
    )
    return {
        "slug": EXIT_SLUG,
        "title": "Sortir de détention : par quoi commencer ?",
        "summary": "Les démarches à faire en premier, dans l'ordre, quand vous sortez de prison.",
        "audience": "Vous allez sortir de prison, ou vous venez de sortir.",
        "partners": [p["justice"], p["caf"], p["assurance-maladie"], p["france-travail"]],
        "number": "",
        "checked": WRITTEN,
        "notes": "Pas de fiche Service-Public unique pour la sortie de prison : aucun numéro cité. "
        "L'ordre des fiches est un conseil, à adapter avec le CPIP.",
        "body": [
            steps(
                s("Avant la sortie, préparez vos papiers avec votre CPIP.", "conseiller"),
                s("Le jour de la sortie, gardez votre billet de sortie.", "papiers"),
                s("Trouvez une adresse pour recevoir votre courrier.", "courrier"),
                s("Ouvrez un compte en banque pour recevoir vos aides.", "argent"),
                s("Demandez vos aides : santé, RSA, logement.", "documents"),
                s("Inscrivez-vous à France Travail.", "travail"),
            ),
            paragraph(f"<p><b>Les fiches à lire, dans l'ordre :</b></p>{links}"),
            checklist(
                "Votre billet de sortie",
                "Votre pièce d'identité, si vous l'avez",
                "Votre numéro de sécurité sociale",
            ),
            good_to_know(
                "<p>Une France services peut vous aider pour toutes ces démarches. C'est gratuit.</p>"
            ),
            contact(p["justice"], "Vous avez une question ? Parlez-en à votre CPIP."),
        ],
    }
