"""PivotLocal types: the kind of local office an official sheet sends people to ("où s'adresser").

Service-Public.fr names each local office by a type of the Annuaire de l'administration
(``caf``, ``cpam``, ``mairie``, ``pole_emploi``, ``msap`` for France services…). Some are
national partners of France services: an advisor there helps with their procedures, so the
portal can send the reader to the nearest France services instead. ``PARTNER_SLUGS`` maps
those types to the slugs of ``guides.Partner`` (created by guides/migrations/0002).
"""

# The PivotLocal type of France services themselves (formerly "maisons de services au public").
FRANCE_SERVICES = "msap"

PARTNER_SLUGS = {
    "caf": "caf",
    "cpam": "assurance-maladie",
    "carsat": "assurance-retraite",
    "cnav": "assurance-retraite",
    "cicas": "agirc-arrco",
    "msa": "msa",
    "pole_emploi": "france-travail",
    "france_travail": "france-travail",
    "sie": "finances-publiques",
    "sip": "finances-publiques",
    "centre_impots_fonciers": "finances-publiques",
    "tresorerie": "finances-publiques",
    "urssaf": "urssaf",
    "prefecture": "interieur",
    "sous_pref": "interieur",
    "permanence_juridique": "justice",
    "mjd": "justice",
    "cdad": "justice",
    "tribunal_judiciaire": "justice",
    "ti": "justice",
    "tgi": "justice",
    "spip": "justice",
    "anah": "france-renov",
}

LABELS = {
    "caf": "Caisse d'allocations familiales (CAF)",
    "cpam": "Caisse primaire d'assurance maladie (CPAM)",
    "carsat": "Caisse d'assurance retraite (Carsat)",
    "cnav": "Caisse nationale d'assurance vieillesse (Cnav)",
    "cicas": "Agirc-Arrco (Cicas)",
    "msa": "Mutualité sociale agricole (MSA)",
    "pole_emploi": "France Travail (anciennement Pôle emploi)",
    "france_travail": "France Travail",
    "sie": "Service des impôts des entreprises",
    "sip": "Service des impôts des particuliers",
    "centre_impots_fonciers": "Centre des impôts fonciers",
    "tresorerie": "Trésorerie",
    "urssaf": "Urssaf",
    "prefecture": "Préfecture",
    "sous_pref": "Sous-préfecture",
    "permanence_juridique": "Permanence juridique",
    "mjd": "Maison de justice et du droit",
    "cdad": "Conseil départemental de l'accès au droit",
    "tribunal_judiciaire": "Tribunal judiciaire",
    "ti": "Tribunal d'instance",
    "tgi": "Tribunal de grande instance",
    "spip": "Service pénitentiaire d'insertion et de probation (SPIP)",
    "anah": "Agence nationale de l'habitat (Anah)",
    "msap": "France services",
    "mairie": "Mairie",
    "cg": "Conseil départemental",
    "ccas": "Centre communal d'action sociale (CCAS)",
    "mission_locale": "Mission locale",
    "maison_handicapees": "Maison départementale des personnes handicapées (MDPH)",
    "avocat_conseil_national": "Avocat",
    "ambassade_france_etranger": "Ambassade ou consulat de France",
}


def pivot_label(pivot):
    """A PivotLocal type in words; an unknown type as it is written."""
    return LABELS.get(pivot, pivot)


def partner_slugs(pivots):
    """The partner slugs these PivotLocal types map to, in order, once each."""
    return list(dict.fromkeys(PARTNER_SLUGS[pivot] for pivot in pivots if pivot in PARTNER_SLUGS))
