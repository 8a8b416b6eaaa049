"""Demo content for the guides: topics, difficult words and real sheets in easy-to-read French.

The sheets simplify the official Service-Public.fr sheets they cite (DILA,
Licence Ouverte 2.0), updated to the procedures in force in 2026: France
Travail instead of Pôle emploi, RSA applicants registered with France Travail
since 1 January 2025, pre-filled quarterly declarations, the carte Vitale app.
Amounts change every year: the sheets send readers to the official simulators
instead of quoting them.

Idempotent: a second run changes nothing (no new revision, no new image).
"""

import datetime
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction

from wagtail.images.models import Image

from home.demo import masculine_changes, upsert_page
from home.models import HomePage
from servicepublic.models import OfficialSheet

from .demo_sheets import sheets as more_sheets
from .demo_sheets.blocks import attention as _attention
from .demo_sheets.blocks import checklist as _checklist
from .demo_sheets.blocks import contact as _contact
from .demo_sheets.blocks import good_to_know as _good_to_know
from .demo_sheets.blocks import paragraph as _paragraph
from .demo_sheets.blocks import step as _step
from .demo_sheets.blocks import steps as _steps
from .demo_sheets.justice import EXIT_TOPIC, exit_sheet
from .models import (
    GlossaryPage,
    GlossaryTerm,
    GuideIndexPage,
    OfficialSheetLink,
    Partner,
    ProcedureSheetPage,
    TopicPage,
)
from .review import assign_falc_workflow

PICTOGRAMS = Path(__file__).resolve().parent / "static" / "guides" / "pictos"
DEMO_READERS = "Groupe de relecture de démonstration"

# Phone hours shown in the contact blocks, set only where the partner has none yet.
PARTNER_PHONE_HOURS = {
    "caf": "Du lundi au vendredi, de 9 h à 16 h 30. Service gratuit + prix d'un appel.",
    "assurance-maladie": "Du lundi au vendredi, de 8 h 30 à 17 h 30. Service gratuit + prix d'un appel.",
    "france-travail": "Du lundi au vendredi. Service gratuit + prix d'un appel.",
    "finances-publiques": "Du lundi au vendredi, de 8 h 30 à 19 h. Prix d'un appel normal.",
}

PICTOGRAM_TITLES = {
    "argent": "Pictogramme : billet et pièce",
    "travail": "Pictogramme : mallette de travail",
    "sante": "Pictogramme : croix de soin",
    "papiers": "Pictogramme : carte d'identité",
    "logement": "Pictogramme : maison",
    "impots": "Pictogramme : feuille d'impôt",
    "justice": "Pictogramme : balance de la justice",
    "ordinateur": "Pictogramme : ordinateur",
    "telephone": "Pictogramme : téléphone portable",
    "rendez-vous": "Pictogramme : calendrier avec un rendez-vous",
    "courrier": "Pictogramme : enveloppe",
    "documents": "Pictogramme : papiers",
    "conseiller": "Pictogramme : deux personnes qui parlent",
}

GLOSSARY = [
    # term, other forms (one per line), explanation
    (
        "RSA",
        "revenu de solidarité active",
        "Une aide de la CAF pour les personnes qui ont peu ou pas d'argent.",
    ),
    (
        "CAF",
        "caisse d'allocations familiales",
        "L'organisme qui verse les aides : RSA, aide au logement, prime d'activité, allocations familiales.",
    ),
    (
        "MSA",
        "Mutualité sociale agricole",
        "La caisse des personnes qui travaillent dans l'agriculture. Pour elles, la MSA remplace la CAF et la CPAM.",
    ),
    (
        "CPAM",
        "caisse primaire d'assurance maladie",
        "La caisse de l'Assurance maladie de votre département. Elle rembourse vos soins.",
    ),
    (
        "C2S",
        "complémentaire santé solidaire",
        "Une mutuelle gratuite ou à petit prix, pour les personnes qui ont peu d'argent.",
    ),
    ("APL", "aide personnalisée au logement", "Une aide de la CAF pour payer le loyer."),
    (
        "ANTS",
        "Agence nationale des titres sécurisés",
        "Le site de l'État pour les cartes d'identité, les passeports et les permis de conduire.",
    ),
    (
        "TIG",
        "travail d'intérêt général",
        "Un travail gratuit pour la société. Le juge le décide à la place de la prison.",
    ),
    (
        "SPIP",
        "service pénitentiaire d'insertion et de probation",
        "Le service de la justice qui suit les personnes condamnées, en prison ou dehors.",
    ),
    (
        "CPIP",
        "conseiller pénitentiaire d'insertion et de probation\nconseillère pénitentiaire d'insertion et de probation",
        "La personne du SPIP qui vous suit et vous aide.",
    ),
    ("JAP", "juge de l'application des peines", "Le juge qui décide comment votre peine se passe."),
    (
        "RIB",
        "relevé d'identité bancaire",
        "Un papier de votre banque avec le numéro de votre compte. Il sert à recevoir de l'argent.",
    ),
    ("CCAS", "centre communal d'action sociale", "Le service social de la mairie."),
    ("HLM", "habitation à loyer modéré", "Un logement social : le loyer est moins cher."),
    (
        "CV",
        "curriculum vitae",
        "Une feuille qui présente vos études, vos métiers et ce que vous savez faire.",
    ),
    (
        "justificatif de domicile",
        "",
        "Un papier qui prouve où vous habitez : facture d'électricité, quittance de loyer, attestation d'hébergement.",
    ),
    ("numéro fiscal", "", "Le numéro qui vous identifie aux impôts. Il est sur votre avis d'impôt."),
    (
        "avis d'impôt",
        "avis d'imposition\navis de non-imposition",
        "Le papier des impôts envoyé chaque été. Il dit combien vous payez, ou que vous payez 0 €.",
    ),
    (
        "aide juridictionnelle",
        "",
        "Une aide de l'État. Elle paie tout ou une partie de l'avocat et des frais de justice.",
    ),
    (
        "contrat d'engagement",
        "",
        "Le contrat signé avec votre conseiller. Il dit ce que vous faites pour trouver un travail.",
    ),
    ("actualisation", "actualiser\nactualisez", "Dire chaque mois à France Travail si vous avez travaillé."),
    ("ressources", "", "Tout l'argent que vous recevez : salaire, allocations, pension, chômage."),
    ("pré-demande", "", "Un formulaire rempli sur internet avant d'aller à la mairie."),
    (
        "domiciliation",
        "",
        "Une adresse pour recevoir votre courrier, quand vous vivez sans logement stable.",
    ),
    (
        "timbre fiscal",
        "",
        "Un paiement pour certains papiers. Il s'achète sur internet ou dans un bureau de tabac.",
    ),
    ("simulation", "", "Un calcul sur internet pour savoir si vous avez droit à une aide, et combien."),
    ("bail", "", "Le contrat de location signé avec le propriétaire."),
    (
        "billet de sortie",
        "levée d'écrou",
        "Le papier donné le jour de la sortie de prison. Il prouve la date de votre sortie.",
    ),
    ("créancier", "créancière", "Une personne ou une société à qui vous devez de l'argent."),
    ("surendettement", "", "Quand vous avez trop de dettes pour les payer avec vos ressources."),
    (
        "micro-entreprise",
        "micro-entrepreneur",
        "Une petite entreprise à une personne, avec des règles simples.",
    ),
    ("chiffre d'affaires", "", "Tout l'argent que vos clients vous ont payé."),
    ("cotisations", "cotisation", "L'argent payé pour la santé, la retraite et le chômage."),
    ("Siret", "numéro Siret", "Le numéro de votre entreprise. Il est sur vos factures."),
    ("guichet unique", "", "Le site de l'État où l'on déclare la création d'une entreprise."),
    (
        "relevé de carrière",
        "",
        "La liste de toutes vos années de travail, de chômage ou de maladie. Elle sert pour la retraite.",
    ),
    (
        "Aspa",
        "allocation de solidarité aux personnes âgées\nminimum vieillesse",
        "Une aide pour les personnes âgées qui ont une petite retraite.",
    ),
    ("pension de réversion", "réversion", "Une part de la retraite d'un mari ou d'une femme décédé."),
    ("Agirc-Arrco", "", "La caisse de la retraite complémentaire des salariés du privé."),
    (
        "MaPrimeRénov'",
        "MaPrimeRénov",
        "Une aide de l'État pour payer des travaux d'isolation ou de chauffage.",
    ),
    (
        "médecin traitant",
        "",
        "Le médecin que vous voyez en premier. Il vous suit et vous envoie vers d'autres médecins.",
    ),
    ("indemnités journalières", "", "L'argent payé par la caisse pendant un arrêt maladie."),
    (
        "FranceConnect",
        "",
        "Un bouton pour entrer sur un site de l'État. Il utilise un compte que vous avez déjà, comme ameli.",
    ),
    (
        "point-justice",
        "points-justice",
        "Un lieu où des juristes donnent des conseils gratuits sur vos droits.",
    ),
    ("juriste", "", "Une personne qui connaît bien la loi."),
    ("procuration", "", "Un papier signé qui permet à une autre personne de faire une démarche pour vous."),
    ("bailleur", "", "Le propriétaire du logement, souvent une société de logement social."),
    ("fournisseur", "", "La société qui vous vend l'électricité ou le gaz."),
    ("déclaration de cession", "", "Le papier signé par le vendeur et l'acheteur d'une voiture."),
    (
        "photographe agréé",
        "",
        "Un photographe ou une cabine photo. Il envoie la photo à l'ANTS et donne un code.",
    ),
]

TOPICS = [
    # slug, title, pictogram, intro
    (
        "sortir-de-detention",
        "Sortir de détention",
        "justice",
        "Les premières démarches à faire quand on sort de prison, dans l'ordre.",
    ),
    ("argent", "Avoir de l'argent pour vivre", "argent", "Les aides pour vivre quand on a peu d'argent."),
    (
        "travail",
        "Trouver un travail",
        "travail",
        "S'inscrire à France Travail et être aidé pour trouver un emploi.",
    ),
    ("sante", "Se soigner", "sante", "Être remboursé de ses soins, chez le médecin et à la pharmacie."),
    ("papiers", "Avoir ses papiers", "papiers", "Demander une carte d'identité ou un autre papier officiel."),
    ("logement", "Se loger", "logement", "Payer son loyer et recevoir son courrier."),
    ("impots", "Payer ses impôts", "impots", "Déclarer ses revenus chaque année, même quand on gagne peu."),
    (
        "justice",
        "La justice et vos droits",
        "justice",
        "Comprendre sa peine et se faire aider pour un procès.",
    ),
    (
        "energie",
        "Payer son énergie, rénover son logement",
        "logement",
        "Le chèque énergie et les aides pour les travaux.",
    ),
    ("retraite", "Préparer sa retraite", "documents", "Vérifier sa carrière et demander sa retraite."),
]


def _sheets(p, i):
    """The sheets, by topic. ``p``: partners by slug, ``i``: pictogram image ids by name."""
    caf, cpam, france_travail = p["caf"], p["assurance-maladie"], p["france-travail"]
    return {
        "argent": [
            {
                "slug": "demander-le-rsa",
                "title": "Comment demander le RSA ?",
                "summary": "Le RSA est une aide pour vivre quand on a peu ou pas d'argent.",
                "audience": "Vous avez 25 ans ou plus et peu d'argent. Avant 25 ans, "
                "il faut avoir un enfant ou avoir beaucoup travaillé.",
                "partners": [caf, p["msa"], france_travail],
                "number": "F19778",
                "checked": datetime.date(2026, 5, 12),
                "validated": datetime.date(2026, 6, 2),
                "body": [
                    _steps(
                        _step(
                            "Faites une simulation sur le site de la CAF. Vous saurez si vous avez droit au RSA.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.caf.fr",
                            "le site de la CAF",
                        ),
                        _step(
                            "Faites la demande de RSA sur le site de la CAF. Si vous travaillez dans "
                            "l'agriculture, faites-la sur le site de la MSA.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.msa.fr",
                            "le site de la MSA",
                        ),
                        _step(
                            "La CAF vous inscrit à France Travail. C'est automatique depuis le 1er janvier 2025.",
                            i["conseiller"],
                            "Deux personnes qui parlent",
                        ),
                        _step(
                            "Un conseiller vous reçoit. Ensemble, vous signez un contrat d'engagement.",
                            i["rendez-vous"],
                            "Un calendrier avec un rendez-vous",
                        ),
                        _step(
                            "Tous les 3 mois, déclarez vos ressources sur le site de la CAF. "
                            "La déclaration est déjà remplie en partie : vérifiez-la.",
                            i["documents"],
                            "Des papiers",
                        ),
                    ),
                    _checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Votre numéro de sécurité sociale",
                        "Votre RIB",
                        "Vos ressources des 3 derniers mois : salaires, allocations, pensions",
                        "Votre adresse, ou votre attestation de domiciliation",
                    ),
                    _attention(
                        "<p>Le RSA compte à partir du mois de votre demande. "
                        "<b>Faites la demande tout de suite.</b></p>"
                    ),
                    _good_to_know(
                        "<p>Le contrat d'engagement prévoit des activités pour trouver un travail. "
                        "En général, c'est 15 heures par semaine. Avec le RSA, la C2S est gratuite.</p>"
                    ),
                    _contact(caf, "Vous avez une question ? Appelez la CAF."),
                ],
            },
            {
                "slug": "demander-la-prime-activite",
                "title": "Comment demander la prime d'activité ?",
                "summary": "La prime d'activité ajoute de l'argent à un petit salaire.",
                "audience": "Vous avez 18 ans ou plus. Vous travaillez et vous gagnez peu d'argent.",
                "partners": [caf, p["msa"]],
                "number": "F2882",
                "checked": datetime.date(2026, 10, 6),
                "body": [
                    _steps(
                        _step(
                            "Faites une simulation sur le site de la CAF. Vous saurez combien vous pouvez avoir.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.caf.fr",
                            "le site de la CAF",
                        ),
                        _step(
                            "Faites la demande sur le site de la CAF. "
                            "Vous travaillez dans l'agriculture ? Faites-la sur le site de la MSA.",
                            i["ordinateur"],
                            "Un ordinateur",
                        ),
                        _step(
                            "Tous les 3 mois, déclarez vos salaires sur le site de la CAF.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "La CAF verse la prime chaque mois sur votre compte.",
                            i["argent"],
                            "Un billet et une pièce",
                        ),
                    ),
                    _checklist(
                        "Vos fiches de paie des 3 derniers mois",
                        "Votre numéro de sécurité sociale",
                        "Votre RIB",
                        "Votre numéro d'allocataire CAF, si vous en avez un",
                    ),
                    _attention(
                        "<p>Déclarez vos ressources tous les 3 mois. "
                        "Sans déclaration, la CAF arrête la prime.</p>"
                    ),
                    _good_to_know(
                        "<p>Vous retrouvez un travail ? Faites la demande dès votre 1er salaire.</p>"
                    ),
                    _contact(caf),
                ],
            },
        ],
        "travail": [
            {
                "slug": "s-inscrire-a-france-travail",
                "title": "Comment s'inscrire à France Travail ?",
                "summary": "Inscrivez-vous à France Travail pour être aidé à trouver un travail.",
                "audience": "Vous cherchez un travail. Vous avez 16 ans ou plus.",
                "partners": [france_travail],
                "number": "F1636",
                "checked": datetime.date(2026, 9, 15),
                "validated": datetime.date(2026, 10, 1),
                "body": [
                    _steps(
                        _step(
                            "Allez sur le site de France Travail. Cliquez sur « S'inscrire ».",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.francetravail.fr",
                            "le site de France Travail",
                        ),
                        _step(
                            "Répondez aux questions sur votre situation et sur le métier que vous cherchez.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "France Travail vous donne un rendez-vous avec un conseiller.",
                            i["rendez-vous"],
                            "Un calendrier avec un rendez-vous",
                        ),
                        _step(
                            "Avec le conseiller, vous signez un contrat d'engagement.",
                            i["conseiller"],
                            "Deux personnes qui parlent",
                        ),
                        _step(
                            "Chaque mois, faites votre actualisation sur le site ou par téléphone.",
                            i["telephone"],
                            "Un téléphone portable",
                            phone="39 49",
                        ),
                    ),
                    _checklist(
                        "Votre carte d'identité ou votre titre de séjour",
                        "Votre numéro de sécurité sociale",
                        "Votre CV, si vous en avez un",
                        "Votre RIB",
                        "Les attestations de vos derniers employeurs",
                    ),
                    _attention(
                        "<p>Faites l'actualisation <b>chaque mois</b>, même sans travail. "
                        "Sinon, France Travail vous retire de la liste.</p>"
                    ),
                    _good_to_know(
                        "<p>Vous demandez le RSA ? La CAF vous inscrit à France Travail. C'est automatique.</p>"
                    ),
                    _contact(france_travail),
                ],
            },
        ],
        "sante": [
            {
                "slug": "avoir-sa-carte-vitale",
                "title": "Comment avoir sa carte Vitale ?",
                "summary": "La carte Vitale sert à être remboursé de vos soins, vite et sans papier.",
                "audience": "Vous avez 16 ans ou plus. Vous avez la sécurité sociale en France.",
                "partners": [cpam],
                "number": "F265",
                "checked": datetime.date(2026, 5, 20),
                "validated": datetime.date(2026, 6, 2),
                "body": [
                    _steps(
                        _step(
                            "Créez votre compte sur le site ameli.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.ameli.fr",
                            "le site ameli",
                        ),
                        _step(
                            "Dans votre compte, choisissez « Commander ma carte Vitale ».",
                            i["ordinateur"],
                            "Un ordinateur",
                        ),
                        _step(
                            "Envoyez une photo de vous et la copie de votre pièce d'identité.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "Vous recevez la carte chez vous, par la poste.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                        _step(
                            "Mettez la carte à jour 1 fois par an, à la pharmacie.",
                            i["sante"],
                            "Une croix de soin",
                        ),
                    ),
                    _checklist(
                        "Une photo d'identité récente",
                        "Votre carte d'identité ou votre titre de séjour",
                        "Votre numéro de sécurité sociale",
                    ),
                    _attention(
                        "<p>Carte perdue ou volée ? Déclarez-le tout de suite dans votre compte ameli.</p>"
                    ),
                    _good_to_know(
                        "<p>Vous pouvez aussi avoir la carte Vitale sur votre téléphone, "
                        "avec l'appli carte Vitale.</p>"
                    ),
                    _contact(cpam, "Vous avez une question ? Appelez l'Assurance maladie."),
                ],
            },
            {
                "slug": "demander-la-complementaire-sante-solidaire",
                "title": "Comment demander la complémentaire santé solidaire ?",
                "summary": "La C2S est une mutuelle gratuite ou à petit prix, pour payer vos soins.",
                "audience": "Vous avez peu de ressources. Vous vivez en France depuis plus de 3 mois.",
                "partners": [cpam],
                "number": "F10027",
                "checked": datetime.date(2026, 8, 24),
                "body": [
                    _steps(
                        _step(
                            "Faites une simulation sur le site ameli.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.ameli.fr",
                            "le site ameli",
                        ),
                        _step(
                            "Faites la demande dans votre compte ameli, dans « Mes démarches ».",
                            i["ordinateur"],
                            "Un ordinateur",
                        ),
                        _step(
                            "L'Assurance maladie vous répond en 2 mois au plus.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                        _step(
                            "Avec la C2S, vous payez 0 € chez le médecin et à la pharmacie.",
                            i["sante"],
                            "Une croix de soin",
                        ),
                    ),
                    _checklist(
                        "Vos ressources des 12 derniers mois",
                        "Votre numéro de sécurité sociale",
                        "Votre dernier avis d'impôt",
                    ),
                    _attention("<p>La C2S dure 1 an. Demandez à la garder 2 mois avant la fin.</p>"),
                    _good_to_know(
                        "<p>Vous avez le RSA ? La C2S est gratuite pour vous. "
                        "Demandez-la en même temps que le RSA.</p>"
                    ),
                    _contact(cpam),
                ],
            },
        ],
        "papiers": [
            {
                "slug": "demander-sa-carte-d-identite",
                "title": "Comment demander sa carte d'identité ?",
                "summary": "La carte d'identité prouve qui vous êtes. La 1re carte est gratuite.",
                "audience": "Vous êtes français et vous avez 18 ans ou plus.",
                "partners": [p["interieur"]],
                "number": "F1341",
                "checked": datetime.date(2026, 4, 28),
                "body": [
                    _steps(
                        _step(
                            "Faites une pré-demande sur le site de l'ANTS. Notez le numéro de pré-demande.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://ants.gouv.fr",
                            "le site de l'ANTS",
                        ),
                        _step(
                            "Prenez rendez-vous dans une mairie qui fait les cartes d'identité. "
                            "Elle peut être dans une autre ville.",
                            i["rendez-vous"],
                            "Un calendrier avec un rendez-vous",
                        ),
                        _step(
                            "Allez au rendez-vous avec vos papiers. La mairie prend vos empreintes.",
                            i["papiers"],
                            "Une carte d'identité",
                        ),
                        _step(
                            "Vous recevez un message sur votre téléphone quand la carte est prête.",
                            i["telephone"],
                            "Un téléphone portable",
                        ),
                        _step(
                            "Allez chercher votre carte à la mairie, dans les 3 mois.",
                            i["papiers"],
                            "Une carte d'identité",
                        ),
                    ),
                    _checklist(
                        "Le numéro de pré-demande",
                        "Une photo d'identité de moins de 6 mois",
                        "Un justificatif de domicile récent",
                        "Votre passeport, si vous en avez un",
                        "Un acte de naissance, seulement si la mairie le demande",
                    ),
                    _attention("<p>Carte perdue ou volée : vous payez un timbre fiscal de 25 €.</p>"),
                    _good_to_know(
                        "<p>La carte d'identité est valable 10 ans.</p>"
                        "<p>Sans domicile stable, demandez une domiciliation au CCAS de votre ville.</p>"
                    ),
                    _contact(p["interieur"]),
                ],
            },
        ],
        "logement": [
            {
                "slug": "demander-une-aide-au-logement",
                "title": "Comment demander une aide au logement ?",
                "summary": "L'aide au logement de la CAF aide à payer le loyer.",
                "audience": "Vous louez un logement ou une chambre. Vous avez peu de ressources.",
                "partners": [caf],
                "number": "F12006",
                "checked": datetime.date(2026, 9, 1),
                "body": [
                    _steps(
                        _step(
                            "Faites une simulation sur le site de la CAF.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.caf.fr",
                            "le site de la CAF",
                        ),
                        _step(
                            "Faites la demande d'aide au logement sur le site de la CAF.",
                            i["ordinateur"],
                            "Un ordinateur",
                        ),
                        _step(
                            "Votre propriétaire remplit une attestation de loyer pour la CAF.",
                            i["logement"],
                            "Une maison",
                        ),
                        _step(
                            "La CAF verse l'aide chaque mois, souvent à votre propriétaire.",
                            i["argent"],
                            "Un billet et une pièce",
                        ),
                    ),
                    _checklist(
                        "Votre bail",
                        "Le nom et l'adresse de votre propriétaire",
                        "Votre RIB",
                        "Votre numéro de sécurité sociale",
                    ),
                    _attention(
                        "<p>L'aide commence le mois qui suit votre arrivée dans le logement. "
                        "Faites la demande tout de suite.</p>"
                    ),
                    _good_to_know("<p>Le montant change tous les 3 mois, selon vos ressources récentes.</p>"),
                    _contact(caf),
                ],
            },
            {
                "slug": "avoir-une-adresse-pour-son-courrier",
                "title": "Comment avoir une adresse pour recevoir son courrier ?",
                "summary": "Sans logement stable, vous pouvez recevoir votre courrier au CCAS ou dans une association.",
                "audience": "Vous vivez à la rue, à l'hôtel ou chez des amis. Ou vous sortez de prison sans logement.",
                "partners": [],
                "number": "F17317",
                "checked": datetime.date(2026, 10, 20),
                "body": [
                    _steps(
                        _step(
                            "Allez au CCAS de la ville où vous vivez, ou dans une association agréée.",
                            i["logement"],
                            "Une maison",
                        ),
                        _step(
                            "Demandez une domiciliation. Remplissez le formulaire avec la personne de l'accueil.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "Vous recevez une attestation de domiciliation. Elle dure 1 an.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                        _step(
                            "Passez chercher votre courrier au moins 1 fois tous les 3 mois.",
                            i["rendez-vous"],
                            "Un calendrier avec un rendez-vous",
                        ),
                    ),
                    _checklist("Votre pièce d'identité, si vous l'avez"),
                    _attention(
                        "<p>Passez au moins 1 fois tous les 3 mois. Sinon, la domiciliation s'arrête.</p>"
                    ),
                    _good_to_know(
                        "<p>Avec cette adresse, vous pouvez demander le RSA, la carte Vitale "
                        "ou une carte d'identité.</p>"
                    ),
                    _paragraph("<p>Un conseiller France services peut vous aider. C'est gratuit.</p>"),
                ],
            },
        ],
        "impots": [
            {
                "slug": "declarer-ses-revenus",
                "title": "Comment déclarer ses revenus ?",
                "summary": "Chaque année, au printemps, vous déclarez vos revenus aux impôts.",
                "audience": "Toutes les personnes qui vivent en France, même avec peu d'argent.",
                "partners": [p["finances-publiques"]],
                "number": "F358",
                "checked": datetime.date(2026, 3, 30),
                "body": [
                    _steps(
                        _step(
                            "Créez votre espace sur le site des impôts avec votre numéro fiscal.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.impots.gouv.fr",
                            "le site des impôts",
                        ),
                        _step(
                            "En avril ou en mai, ouvrez votre déclaration. Elle est déjà remplie en partie.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "Vérifiez tout. Ajoutez ce qui manque, puis validez.",
                            i["impots"],
                            "Une feuille d'impôt",
                        ),
                        _step(
                            "En été, vous recevez votre avis d'impôt dans votre espace.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                    ),
                    _checklist(
                        "Votre numéro fiscal : il est sur un ancien avis d'impôt",
                        "Vos revenus de l'année passée : salaires, chômage, pensions",
                        "Votre RIB",
                    ),
                    _attention(
                        "<p>Déclarez vos revenus <b>même avec peu d'argent</b>. "
                        "La CAF et les HLM demandent l'avis d'impôt.</p>"
                    ),
                    _good_to_know("<p>Une France services peut vous aider à faire votre déclaration.</p>"),
                    _contact(p["finances-publiques"]),
                ],
            },
        ],
        "justice": [
            {
                "slug": "demander-l-aide-juridictionnelle",
                "title": "Comment demander l'aide juridictionnelle ?",
                "summary": "L'aide juridictionnelle paie votre avocat et vos frais de justice, en tout ou en partie.",
                "audience": "Vous avez peu de ressources. Vous avez une affaire en justice.",
                "partners": [p["justice"]],
                "number": "F18074",
                "checked": datetime.date(2026, 6, 15),
                "body": [
                    _steps(
                        _step(
                            "Faites une simulation sur le site justice.fr.",
                            i["ordinateur"],
                            "Un ordinateur",
                            "https://www.justice.fr",
                            "le site justice.fr",
                        ),
                        _step(
                            "Faites la demande sur justice.fr, ou remplissez le formulaire papier.",
                            i["documents"],
                            "Des papiers",
                        ),
                        _step(
                            "Envoyez la demande au bureau d'aide juridictionnelle du tribunal.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                        _step(
                            "Vous recevez la réponse par courrier.",
                            i["courrier"],
                            "Une enveloppe",
                        ),
                    ),
                    _checklist(
                        "Votre pièce d'identité",
                        "Votre dernier avis d'impôt",
                        "Les papiers de votre affaire : convocation, jugement",
                        "Le nom de votre avocat, si vous en avez un",
                    ),
                    _attention("<p>Faites la demande dès que vous recevez une convocation.</p>"),
                    _good_to_know(
                        "<p>Votre CPIP peut vous aider à faire la demande.</p>"
                        "<p>Dans un point-justice, des juristes vous conseillent gratuitement.</p>"
                    ),
                    _contact(p["justice"]),
                ],
            },
            {
                "slug": "faire-un-travail-d-interet-general",
                "title": "Comment se passe un travail d'intérêt général ?",
                "summary": "Le TIG est un travail gratuit pour la société, à la place de la prison.",
                "audience": "Le juge a décidé que vous faites un TIG. Vous avez 16 ans ou plus.",
                "partners": [p["justice"]],
                "number": "F1407",
                "checked": datetime.date(2026, 11, 2),
                "body": [
                    _steps(
                        _step(
                            "Le JAP ou le SPIP vous donne un rendez-vous.",
                            i["rendez-vous"],
                            "Un calendrier avec un rendez-vous",
                        ),
                        _step(
                            "Votre CPIP vous propose un lieu de travail : mairie, association, hôpital.",
                            i["conseiller"],
                            "Deux personnes qui parlent",
                        ),
                        _step(
                            "Un médecin vous voit avant le début du travail.",
                            i["sante"],
                            "Une croix de soin",
                        ),
                        _step(
                            "Vous faites toutes les heures de TIG dans le temps fixé par le juge.",
                            i["travail"],
                            "Une mallette de travail",
                        ),
                    ),
                    _checklist(
                        "La convocation du juge ou du SPIP",
                        "Votre pièce d'identité",
                        "Votre carte Vitale",
                        "Vos horaires de travail ou de formation, si vous en avez",
                    ),
                    _attention(
                        "<p>Faites <b>toutes</b> les heures. Sinon, le juge peut vous envoyer en prison.</p>"
                    ),
                    _good_to_know(
                        "<p>Un TIG dure de 20 à 400 heures. Pendant le travail, vous êtes assuré.</p>"
                    ),
                    _contact(p["justice"], "Vous avez une question ? Parlez-en à votre CPIP."),
                ],
            },
        ],
    }


def _pictograms(stdout):
    ids = {}
    created = 0
    for name, title in PICTOGRAM_TITLES.items():
        image = Image.objects.filter(title=title).first()
        if image is None:
            path = PICTOGRAMS / f"{name}.svg"
            with path.open("rb") as file:
                image = Image(
                    title=title, description=title.split(" : ", 1)[1], file=ImageFile(file, name=path.name)
                )
                image.save()
            created += 1
        ids[name] = image.pk
    return ids, created


def _glossary():
    """(created, updated, unchanged) words of the glossary."""
    created = updated = 0
    for term, other_forms, definition in GLOSSARY:
        entry = GlossaryTerm.objects.filter(term=term).first()
        if entry is None:
            GlossaryTerm.objects.create(term=term, other_forms=other_forms, definition=definition)
            created += 1
        elif (entry.other_forms, entry.definition) != (other_forms, definition):
            entry.other_forms, entry.definition = other_forms, definition
            entry.save()
            updated += 1
    return created, updated, len(GLOSSARY) - created - updated


def _partner_hours():
    for slug, hours in PARTNER_PHONE_HOURS.items():
        Partner.objects.filter(slug=slug, phone_hours="").update(phone_hours=hours)


def _same_stream(stream_value, raw):
    """Whether a stored body says the same as raw data (block ids aside)."""
    field = ProcedureSheetPage._meta.get_field("body")

    def strip_ids(data):
        if isinstance(data, dict):
            if data.get("type") == "item" and "value" in data:  # a list item, stored with its id
                return strip_ids(data["value"])
            return {key: strip_ids(value) for key, value in data.items() if key != "id"}
        if isinstance(data, list):
            return [strip_ids(item) for item in data]
        return data

    return strip_ids(stream_value.get_prep_value()) == strip_ids(field.to_python(raw).get_prep_value())


def _upsert_sheet(topic, spec):
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "audience": spec["audience"],
        "last_checked_on": spec["checked"],
        "falc_validated_on": spec.get("validated"),
        "falc_validated_by": DEMO_READERS if spec.get("validated") else "",
        "body": spec["body"],
    }
    existing = ProcedureSheetPage.objects.child_of(topic).filter(slug=spec["slug"]).first()
    if existing is None:
        fields["partners"] = spec["partners"]  # a new page gets them in its first revision
    elif _same_stream(existing.body, spec["body"]):
        fields["body"] = existing.body
    page = upsert_page(topic, ProcedureSheetPage, spec["slug"], **fields)
    wanted = {partner.pk for partner in spec["partners"]}
    if set(page.partners.values_list("pk", flat=True)) != wanted:
        page.partners = spec["partners"]
        page.save_revision().publish()
    _link_official_sheet(page, spec["number"])
    return page


def _link_official_sheet(page, number):
    """The sheet's Service-Public.fr number links to that official sheet: imported by the
    servicepublic demo when it is one of the shared sheets, else a placeholder an import fills."""
    wanted = [OfficialSheet.objects.placeholder(number).pk] if number else []
    if list(page.official_sheet_links.values_list("official_sheet_id", flat=True)) != wanted:
        page.official_sheet_links = [OfficialSheetLink(official_sheet_id=pk) for pk in wanted]
        page.save_revision().publish()


@transaction.atomic
def load(stdout):
    home = HomePage.objects.get()
    pictograms, new_images = _pictograms(stdout)
    term_changes = _glossary()
    _partner_hours()
    partners = {partner.slug: partner for partner in Partner.objects.all()}

    index = upsert_page(
        home,
        GuideIndexPage,
        "fiches",
        title="Fiches pratiques",
        show_in_menus=True,
        search_description="Des fiches simples pour vos démarches : RSA, carte Vitale, papiers, emploi, impôts.",
        intro="<p>Des fiches simples pour faire vos démarches. "
        "Lisez-les sur votre téléphone, ou demandez à votre conseiller de les imprimer.</p>",
    )
    assign_falc_workflow(index)
    upsert_page(index, GlossaryPage, "mots-difficiles", title="Les mots difficiles")

    sheets = _sheets(partners, pictograms)
    for slug, specs in more_sheets(partners, pictograms).items():
        sheets.setdefault(slug, []).extend(specs)
    pages = {}
    topics = {}
    count = 0
    for slug, title, pictogram, intro in TOPICS:
        topic = upsert_page(
            index,
            TopicPage,
            slug,
            title=title,
            intro=intro,
            pictogram_id=pictograms[pictogram],
        )
        topics[slug] = topic
        for spec in sheets.get(slug, []):
            pages[spec["slug"]] = _upsert_sheet(topic, spec)
            count += 1
    # Last: it links to the others, by their page ids.
    _upsert_sheet(topics[EXIT_TOPIC], exit_sheet(partners, pictograms, pages))
    count += 1
    stdout.write(
        f"guides: {len(TOPICS)} thèmes, {count} fiches, {len(GLOSSARY)} mots difficiles "
        f"({masculine_changes(*term_changes)}), {new_images} pictogrammes ajoutés"
    )
