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
    ("carte grise, immatriculation", "ANTS"),
    ("sortir de prison, sortie de prison, je sors de prison, libération, fin de peine", "sortez de prison"),
    ("taule, zonzon, centre pénitentiaire, maison d'arrêt, détention", "prison"),
    ("thune, fric, pognon, sous, tune", "argent"),
    ("conseiller de probation, conseillère de probation, CPIP", "SPIP"),
    ("pas d'adresse, sans adresse, SDF, sans domicile, sans logement", "domiciliation"),
    ("banque, ouvrir un compte, compte bancaire", "RIB"),
    ("facture d'électricité, facture de gaz, EDF, aide énergie", "chèque énergie"),
    ("auto-entrepreneur, micro-entreprise, cotisations", "Urssaf"),
    ("agriculteur, mutualité sociale agricole", "MSA"),
    ("MaPrimeRénov, isolation, travaux de rénovation, rénover", "France Rénov'"),
    ("avocat gratuit, avocat commis d'office, payer un avocat", "aide juridictionnelle"),
    ("travaux d'intérêt général, heures de travail gratuit", "TIG"),
    ("complément de salaire, petit salaire", "prime d'activité"),
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
