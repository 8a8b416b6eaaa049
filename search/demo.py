"""Demo synonyms: the words readers use, and the words the sheets use.

``manage.py load_demo`` calls ``load`` last. A second run changes nothing.
"""

from django.db import transaction

from .models import Synonym

SYNONYMS = [
    (
        "chômage, pôle emploi, pole emploie, ANPE, Assedic, allocation chômage, inscription chômage",
        "France Travail",
    ),
    ("boulot, taf, job, travail, trouver du travail", "emploi"),
    ("sécu, sécurité sociale, ameli, CPAM, remboursement des soins", "Assurance maladie"),
    ("APL, ALS, ALF, aide logement, allocation logement, aide pour le loyer", "aide au logement"),
    (
        "CMU, CSS, mutuelle gratuite, mutuelle, complémentaire santé gratuite",
        "complémentaire santé solidaire",
    ),
    ("RSA, RMI, revenu minimum, minimum social", "revenu de solidarité active"),
    ("alloc, allocs, allocations, caisse d'allocations familiales", "CAF"),
    ("impôts, impot, fisc, trésor public, percepteur, déclaration de revenus", "Finances publiques"),
    ("retraite, pension de vieillesse, CNAV, Carsat", "Assurance retraite"),
    ("retraite complémentaire, caisse complémentaire", "Agirc-Arrco"),
    ("papiers, papier d'identité, CNI, carte d'identité, pièce d'identité", "carte nationale d'identité"),
    ("carte grise, immatriculation, ANTS", "certificat d'immatriculation"),
    ("sortir de prison, sortie de prison, quand je sors, libération, fin de peine", "sortie de détention"),
    ("prison, taule, zonzon, centre pénitentiaire, maison d'arrêt", "détention"),
    ("thune, fric, pognon, sous, argent", "aide financière"),
    ("SPIP, conseiller de probation, CPIP", "service pénitentiaire d'insertion et de probation"),
    ("bracelet, bracelet électronique", "surveillance électronique"),
    ("pas d'adresse, sans adresse, SDF, sans domicile, adresse postale", "domiciliation"),
    ("banque, RIB, ouvrir un compte, compte bancaire", "droit au compte"),
    ("facture d'électricité, facture de gaz, EDF, aide énergie", "chèque énergie"),
    ("auto-entrepreneur, micro-entreprise, cotisations", "Urssaf"),
    ("agriculteur, mutualité sociale agricole", "MSA"),
    ("MaPrimeRénov, isolation, travaux de rénovation, rénover", "France Rénov'"),
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
