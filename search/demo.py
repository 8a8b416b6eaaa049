"""Demo synonyms: the words readers use, and the words the sheets use.

``manage.py load_demo`` calls ``load`` last. A second run changes nothing.
"""

from django.db import transaction

from .models import Synonym

SYNONYMS = [
    # What readers write → the words the sheets use.
    (
        "chômage, pôle emploi, pole emploie, ANPE, Assedic, allocation chômage, inscription chômage",
        "France Travail",
    ),
    ("boulot, taf, job, emploi, bosser", "trouver un travail"),
    ("sécu, sécurité sociale, ameli, CPAM, remboursement des soins", "Assurance maladie"),
    ("APL, ALS, ALF, aide logement, allocation logement, aide pour le loyer", "aide au logement"),
    (
        "CMU, CSS, mutuelle gratuite, mutuelle, complémentaire santé gratuite",
        "complémentaire santé solidaire",
    ),
    ("RMI, revenu minimum, minimum social, revenu de solidarité", "RSA"),
    ("alloc, allocs, allocations, caisse d'allocations familiales", "CAF"),
    ("impôt, impot, fisc, trésor public, percepteur, feuille d'impôt, déclaration de revenus", "impôts"),
    ("retraite, pension de vieillesse, CNAV, Carsat", "Assurance retraite"),
    ("retraite complémentaire, caisse complémentaire", "Agirc-Arrco"),
    ("papiers, papier d'identité, CNI, pièce d'identité, carte didentité", "carte d'identité"),
    ("immatriculation, certificat d'immatriculation, papiers de la voiture", "carte grise"),
    ("sortir de prison, sortie de prison, je sors de prison, libération, fin de peine", "sortez de prison"),
    ("taule, zonzon, centre pénitentiaire, maison d'arrêt, détention", "prison"),
    ("thune, fric, pognon, sous, tune", "argent"),
    ("conseiller de probation, conseillère de probation, CPIP", "SPIP"),
    ("pas d'adresse, sans adresse, SDF, sans domicile, sans logement", "domiciliation"),
    ("banque, ouvrir un compte, compte bancaire, banque postale, droit au compte", "compte en banque"),
    (
        "facture d'électricité, facture de gaz, EDF, aide énergie, chèque énergie pas reçu, aide pour l'électricité",
        "chèque énergie",
    ),
    ("auto-entrepreneur, micro-entreprise, cotisations", "Urssaf"),
    ("agriculteur, mutualité sociale agricole", "MSA"),
    ("MaPrimeRénov, isolation, travaux de rénovation, rénover", "France Rénov'"),
    ("avocat gratuit, avocat commis d'office, payer un avocat", "aide juridictionnelle"),
    ("travaux d'intérêt général, heures de travail gratuit", "TIG"),
    ("complément de salaire, petit salaire", "prime d'activité"),
    ("permis, permis perdu, permis volé, duplicata du permis, j'ai perdu mon permis", "permis de conduire"),
    ("carte de séjour, récépissé, renouvellement de titre, préfecture, ANEF", "titre de séjour"),
    ("minimum vieillesse, ASPA, petite retraite", "Aspa"),
    ("réversion, veuf, veuve, retraite du conjoint décédé", "pension de réversion"),
    ("trimestres, points de retraite, carrière, relevé de carrière", "relevé de carrière"),
    ("départ à la retraite, partir à la retraite, demande de retraite", "demander sa retraite"),
    ("B3, bulletin n°3, extrait de casier, casier", "casier judiciaire"),
    ("115, dormir dehors, hébergement d'urgence, foyer, à la rue, dormir ce soir", "lieu pour dormir"),
    ("HLM, logement social, appartement pas cher", "logement social"),
    ("dettes, surendettement, crédits, huissier, je dois de l'argent", "trop de dettes"),
    ("curriculum, curriculum vitae, lettre de motivation", "CV"),
    ("apprendre un métier, stage, CPF, compte formation", "formation"),
    ("docteur, généraliste, médecin de famille", "médecin traitant"),
    ("arrêt de travail, indemnités journalières, IJ, malade au travail", "arrêt maladie"),
    ("recommandé, lettre recommandée, avis de passage, lettre à la poste", "lettre recommandée"),
    (
        "réexpédition, suivi de courrier, déménager, déménagement, changement d'adresse",
        "faire suivre son courrier",
    ),
    ("copie avis d'imposition, avis d'imposition, avis de non-imposition", "avis d'impôt"),
    ("délai de paiement, payer en plusieurs fois, étaler mes impôts", "délai pour payer ses impôts"),
    ("compte ameli, mon compte ameli, espace ameli", "compte ameli"),
    ("point justice, conseil juridique gratuit, juriste, mes droits", "point-justice"),
    ("chômage payé, ARE, allocation de retour à l'emploi, indemnités chômage", "allocation chômage"),
    ("déclaration urssaf, déclarer mes gains, ce que je gagne en micro-entreprise", "chiffre d'affaires"),
    ("auto-entreprise, créer mon entreprise, travailler à mon compte", "micro-entreprise"),
    ("travaux, isoler, chauffage, aide travaux", "MaPrimeRénov'"),
    ("dire à la caf, changement de situation, déclarer un changement", "changement à la CAF"),
    ("libéré, sortie de détention, levée d'écrou, par où commencer", "sortir de détention"),
]


@transaction.atomic
def load(stdout):
    created = updated = 0
    for expressions, meaning in SYNONYMS:
        wanted = Synonym(expressions=expressions, meaning=meaning)
        wanted.full_clean()
        synonym = Synonym.objects.filter(meaning=wanted.meaning).first()
        if synonym is None:
            wanted.save()
            created += 1
        elif synonym.expressions != wanted.expressions:
            synonym.expressions = wanted.expressions
            synonym.save()
            updated += 1
    stdout.write(f"search: {Synonym.objects.count()} synonymes ({created} ajoutés, {updated} mis à jour)")
