"""Elasticsearch, when a site sets ELASTICSEARCH_URL: the French analyzer at work on real pages.

Skipped, with the reason shown, when no cluster is configured.
"""

import os
import re
from io import StringIO

from django.core.management import call_command

from wagtail.search.backends import get_search_backend

import pytest

from search.config import search_backends
from tests.factories import StandardPageFactory

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test"
    ),
]


@pytest.fixture
def elasticsearch(settings):
    backends = search_backends(settings.DATABASES["default"]["ENGINE"], ELASTICSEARCH_URL)
    backends["default"]["INDEX_PREFIX"] = "portal_test_"
    settings.WAGTAILSEARCH_BACKENDS = backends
    backend = get_search_backend()
    yield backend
    for index in backend.all_indexes():
        index.delete()


def titles(client, query, **params):
    page = client.get("/recherche/", {"q": query, **params}).content.decode()
    main = page.split("<main", 1)[1]
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', main)


def test_elasticsearch_reads_french_plurals_accents_and_elisions(client, home_page, elasticsearch):
    StandardPageFactory(
        parent=home_page, title="Les allocations familiales", intro="L'aide de la Sécurité sociale."
    )
    StandardPageFactory(parent=home_page, title="La carte grise", intro="Pour votre voiture.")
    call_command("update_index", stdout=StringIO())
    elasticsearch.refresh_indexes()
    assert titles(client, "allocation securite aide")[0] == "Les allocations familiales"


def test_elasticsearch_forgives_typos(client, home_page, elasticsearch):
    StandardPageFactory(parent=home_page, title="Domiciliation", intro="Recevoir son courrier.")
    call_command("update_index", stdout=StringIO())
    elasticsearch.refresh_indexes()
    assert titles(client, "domicilliation", exact="1")[0] == "Domiciliation"
