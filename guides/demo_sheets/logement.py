"""Housing: social housing, emergency shelter, forwarding mail, registered letters (La Poste)."""

import datetime

from .blocks import Steps, attention, checklist, contact, good_to_know, paragraph, steps

WRITTEN = datetime.date(2026, 12, 7)


def sheets(p, i):
    s = Steps(i)
    poste = p["la-poste"]
    return {
        "logement": [
            {
                "slug": "demander-un-logement-social",
                "title": "Comment demander un logement social ?",
                "summary": "Un logement social, ou HLM, a un loyer moins cher.",
                "audience": "Vous avez peu de ressources. Vous cherchez un logement.",
                "partners": [],
                "number": "",
                "checked": WRITTEN,
                "notes": "Les plafonds de ressources ne sont pas cités : ils changent chaque année. "
                "Numéro Service-Public pas vérifié. Aucun partenaire de France services : pas de bloc contact.",
                "body": [
                    steps(
                        s(
                            "Faites la demande sur le site des demandes de logement social.",
                            "ordinateur",
                            "https://www.demande-logement-social.gouv.fr",
                            "le site du logement social",
                        ),
                        s("Vous recevez un numéro de demande. Gardez-le.", "courrier"),
                        s("Chaque année, renouvelez votre demande sur le site.", "rendez-vous"),
                        s("Un logement se libère ? Le bailleur vous appelle.", "telephone"),
                    ),
                    checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Votre dernier avis d'impôt",
                        "Vos ressources des derniers mois",
                    ),
                    attention("<p>Renouvelez la demande <b>chaque année</b>. Sinon, elle est effacée.</p>"),
                    paragraph(
                        "<p>Le CCAS ou un conseiller France services peut vous aider à faire la demande.</p>"
                    ),
                ],
            },
            {
                "slug": "trouver-un-hebergement-d-urgence",
                "title": "Comment trouver un lieu pour dormir ce soir ?",
                "summary": "Vous êtes à la rue ? Appelez le 115. C'est gratuit, jour et nuit.",
                "audience": "Vous êtes sans lieu pour dormir. Ou vous sortez de prison sans logement.",
                "partners": [],
                "number": "",
                "checked": WRITTEN,
                "notes": "Numéro Service-Public pas vérifié : aucun numéro cité. Le 115 est le numéro national "
                "du Samu social. Aucun partenaire de France services : pas de bloc contact.",
                "body": [
                    steps(
                        s("Appelez le 115. C'est gratuit, de jour comme de nuit.", "telephone", phone="115"),
                        s("Dites où vous êtes, et si vous avez des enfants.", "conseiller"),
                        s("Le 115 cherche une place pour vous, pour la nuit.", "logement"),
                        s("Le lendemain, allez au CCAS pour une solution plus longue.", "rendez-vous"),
                    ),
                    checklist(
                        "Votre pièce d'identité, si vous l'avez",
                        "Vos médicaments",
                        heading="Ce qu'il faut prendre",
                    ),
                    good_to_know(
                        "<p>Vous sortez de prison ? Parlez du logement à votre CPIP avant la sortie.</p>"
                    ),
                    paragraph(
                        "<p>Pour recevoir votre courrier, demandez une domiciliation au CCAS. "
                        "Une France services peut vous aider.</p>"
                    ),
                ],
            },
            {
                "slug": "faire-suivre-son-courrier",
                "title": "Comment faire suivre son courrier quand on déménage ?",
                "summary": "La Poste envoie votre courrier à votre nouvelle adresse.",
                "audience": "Vous changez d'adresse.",
                "partners": [poste],
                "number": "",
                "checked": WRITTEN,
                "notes": "Le prix du service change : il n'est pas cité. Numéro Service-Public pas vérifié.",
                "body": [
                    steps(
                        s(
                            "Allez sur le site de La Poste. Choisissez le suivi de courrier.",
                            "ordinateur",
                            "https://www.laposte.fr",
                            "le site de La Poste",
                        ),
                        s("Écrivez votre ancienne et votre nouvelle adresse.", "logement"),
                        s("Payez le service. Vous pouvez aussi le faire au bureau de poste.", "argent"),
                        s("Votre courrier arrive à la nouvelle adresse.", "courrier"),
                    ),
                    checklist("Votre pièce d'identité", "Votre nouvelle adresse"),
                    good_to_know(
                        "<p>Donnez aussi votre nouvelle adresse à la CAF, aux impôts et à l'Assurance maladie.</p>"
                    ),
                    contact(poste),
                ],
            },
            {
                "slug": "retirer-une-lettre-recommandee",
                "title": "Comment aller chercher une lettre recommandée ?",
                "summary": "Vous avez un avis de passage ? Votre lettre vous attend au bureau de poste.",
                "audience": "Le facteur a laissé un avis de passage dans votre boîte aux lettres.",
                "partners": [poste],
                "number": "",
                "checked": WRITTEN,
                "notes": "Pas de fiche Service-Public pour cette démarche : aucun numéro cité.",
                "body": [
                    steps(
                        s("Lisez l'avis de passage. Il dit où est votre lettre.", "courrier"),
                        s("Allez au bureau de poste dans les 15 jours.", "rendez-vous"),
                        s("Montrez l'avis et votre pièce d'identité. Signez.", "papiers"),
                    ),
                    checklist("L'avis de passage", "Votre pièce d'identité"),
                    attention("<p>Après 15 jours, la lettre repart. Allez-y vite.</p>"),
                    good_to_know("<p>Une autre personne peut y aller pour vous, avec une procuration.</p>"),
                    contact(poste),
                ],
            },
        ],
    }
