"""Which search backend the portal uses, and how each one reads French.

Imported by ``portal/settings/base.py``: keep it free of Django models.

- SQLite: the database backend (SQLite FTS5, whose tokenizer already ignores
  case and accents).
- PostgreSQL: the database backend with the ``french_unaccent`` text-search
  configuration (``french`` with ``unaccent`` before ``french_stem``, created by
  ``search/migrations/0002_postgres_french_search.py``) and trigram fuzzy
  queries for typos.
- Elasticsearch 8 or 9 when ``ELASTICSEARCH_URL`` is set, with a French
  analyzer as the index's default analyzer.
"""

from importlib.metadata import version

# The PostgreSQL text-search configuration made by this app's first migration.
POSTGRES_SEARCH_CONFIG = "french_unaccent"

# Trigram word similarity (0 to 1) a query must reach to count as a typo of the
# content's words: pg_trgm's default for its indexed "%>" operator, which
# search/backends/postgres.py uses to find candidates ("domicilliation" finds
# "domiciliation", "carte" does not find "tarte aux pommes").
POSTGRES_FUZZY_SIMILARITY_THRESHOLD = 0.6

# Wagtail's database backend, with queries that stay fast on thousands of pages
# (see search/backends.py).
PORTAL_DATABASE_BACKEND = "search.backends"


def elasticsearch_backend():
    """Wagtail's backend for the installed client: the client's major version must match the cluster's.

    requirements.txt pins the version 9 client; a site on an Elasticsearch 8 cluster pins
    ``elasticsearch==8.*`` instead and gets the version 8 backend.
    """
    major = version("elasticsearch").split(".", 1)[0]
    return f"wagtail.search.backends.elasticsearch{major}"


def database_vendor(engine):
    """``"postgresql"``, ``"sqlite"``… from a Django ``ENGINE`` path."""
    name = engine.rsplit(".", 1)[-1]
    return {"postgresql_psycopg2": "postgresql", "sqlite3": "sqlite"}.get(name, name)


def elasticsearch_index_settings():
    """Index settings that make Elasticsearch read French.

    The analyzer named ``default`` applies to every text field that does not
    name its own, so titles, summaries and bodies are all analysed in French:
    elisions ("l'argent" → "argent"), lower case, accents folded ("sécu" and
    "secu" match), French stop words removed, light French stemming
    ("allocations" → "allocation").
    """
    return {
        "settings": {
            "analysis": {
                "filter": {
                    "french_elision": {
                        "type": "elision",
                        "articles_case": True,
                        "articles": [
                            "l",
                            "m",
                            "t",
                            "qu",
                            "n",
                            "s",
                            "j",
                            "d",
                            "c",
                            "jusqu",
                            "quoiqu",
                            "lorsqu",
                            "puisqu",
                        ],
                    },
                    "french_stop": {"type": "stop", "stopwords": "_french_"},
                    "french_stemmer": {"type": "stemmer", "language": "light_french"},
                },
                "analyzer": {
                    "default": {
                        "type": "custom",
                        "tokenizer": "standard",
                        # Stop words are removed before folding, so that "à" and
                        # "été" are recognised as the stop words they are.
                        "filter": [
                            "french_elision",
                            "lowercase",
                            "french_stop",
                            "asciifolding",
                            "french_stemmer",
                        ],
                    },
                },
            },
        },
    }


def search_backends(engine, elasticsearch_url=""):
    """The ``WAGTAILSEARCH_BACKENDS`` setting for this database and cluster."""
    if elasticsearch_url:
        return {
            "default": {
                "BACKEND": elasticsearch_backend(),
                "URLS": [elasticsearch_url],
                "INDEX_PREFIX": "portal_",
                "TIMEOUT": 5,
                "INDEX_SETTINGS": elasticsearch_index_settings(),
            }
        }
    if database_vendor(engine) == "postgresql":
        return {
            "default": {
                "BACKEND": PORTAL_DATABASE_BACKEND,
                "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG,
                "FUZZY_ALGORITHM": "trigram",
                "FUZZY_SIMILARITY_THRESHOLD": POSTGRES_FUZZY_SIMILARITY_THRESHOLD,
                "FUZZY_PREFIX_BOOST": 0.5,
            }
        }
    return {"default": {"BACKEND": PORTAL_DATABASE_BACKEND}}
