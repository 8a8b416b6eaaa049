"""The queries the search benchmarks type: as readers write them.

Single words, misspellings, slang, whole questions, a commune, a postcode, words found
nowhere. Used in-process by bench/search_timings.py (``manage.py bench_search``) and over
HTTP by bench/run.py (``make bench``).
"""

QUERIES = [
    "rsa",
    "carte vitale",
    "carte vital",
    "chomage",
    "pole emploie",
    "sécu",
    "apl",
    "impots",
    "declaration de revenu",
    "mutuelle gratuite",
    "prime activiter",
    "papier d'identité",
    "passeport",
    "domiciliation",
    "avocat gratuit",
    "tig",
    "alocation familliale",
    "je cherche du boulot",
    "comment avoir de l'argent quand je sors de prison",
    "je sors de prison et j'ai pas de logement",
    "aide pour payer le loyer",
    "le juge ma donner des heures de travail",
    "france services meaux",
    "77100",
    "caf melun",
    "xylophone",
    "zzzz",
]
