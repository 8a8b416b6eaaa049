"""What the DILA "Vos droits et démarches" XML (schema 3.3) is made of, as seen in practice.

``KNOWN_ELEMENTS`` is every element name found across the 7,591 sheets published in 2020
(``data/STRUCTURE_inventory.txt``; a test checks that the two agree). An element outside this
list is new to the importer: it is kept in the stored XML and counted in the report.
"""

DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
DC = "{" + DC_NAMESPACE + "}"

# The two root elements of a sheet: a publication (F…, N…) or a complementary service (R…:
# a form, an online service, a simulator…). Any other root (the zip's menus and lexicons) is
# not a sheet and is skipped.
ROOT_ELEMENTS = ("Publication", "ServiceComplementaire")

KNOWN_ELEMENTS = frozenset(
    {
        # Dublin Core metadata of every sheet
        "dc:contributor",
        "dc:coverage",
        "dc:creator",
        "dc:date",
        "dc:description",
        "dc:format",
        "dc:identifier",
        "dc:language",
        "dc:publisher",
        "dc:relation",
        "dc:rights",
        "dc:source",
        "dc:subject",
        "dc:title",
        "dc:type",
        # Roots and what hangs from them
        "Publication",
        "ServiceComplementaire",
        "Abreviation",
        "Audience",
        "Avertissement",
        "Canal",
        "Cible",
        "CommentFaireSi",
        "Definition",
        "Dossier",
        "DossierPere",
        "Fiche",
        "FicheLiee",
        "FilDAriane",
        "Introduction",
        "ListeSituations",
        "Niveau",
        "NoticeLiee",
        "NumeroCerfa",
        "AutreNumero",
        "OuSAdresser",
        "OuSAdresserSupport",
        "Partenaire",
        "PivotLocal",
        "PourEnSavoirPlus",
        "QuestionReponse",
        "RechercheGuidee",
        "Reference",
        "RessourceWeb",
        "ServiceEnLigne",
        "ServiceEnLigneAlternatif",
        "ServiceEnLigneAnnexe",
        "LienWeb",
        "LienExterneCommente",
        "Commentaire",
        "Situation",
        "Source",
        "SousDossier",
        "SousDossierPere",
        "SousTheme",
        "SousThemePere",
        "SurTitre",
        "Theme",
        "VoirAussi",
        "Complement",
        # Text structure
        "Texte",
        "Chapitre",
        "SousChapitre",
        "Titre",
        "TitreAlternatif",
        "Paragraphe",
        "Liste",
        "Item",
        "BlocCas",
        "Cas",
        "Tableau",
        "Colonne",
        "Rangée",
        "Cellule",
        "Resume",
        "ASavoir",
        "ANoter",
        "Attention",
        "Rappel",
        "FragmentConditionne",
        "ContenuIllustre",
        "Contenu",
        "Illustration",
        "Image",
        "Legende",
        "Credits",
        "Description",
        "TexteDeRemplacement",
        # Inline text
        "MiseEnEvidence",
        "Valeur",
        "Exposant",
        "Indice",
        "Expression",
        "Citation",
        "TermeEtranger",
        "Variable",
        "LienInterne",
        "LienIntra",
        "LienExterne",
        # Guided searches and conditions
        "Problematiques",
        "Problematique",
        "Branche",
        "Aide",
        "Questionnaire",
        "Question",
        "Choix",
        "IntituleSiSelectionne",
        "SiSelectionne",
        "affecteVrai",
        "affecteFaux",
        "Condition",
        "estVrai",
        "estIndefini",
        "et",
        "ou",
    }
)


def element_name(tag):
    """``{dc namespace}title`` → ``dc:title``; other names as they are."""
    return "dc:" + tag[len(DC) :] if tag.startswith(DC) else tag
