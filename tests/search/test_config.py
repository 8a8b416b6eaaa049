"""The search backend each site gets, and the French analyzer of Elasticsearch."""

import os

import pytest

from search.config import (
    POSTGRES_SEARCH_CONFIG,
    elasticsearch_index_settings,
    search_backends,
)

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


def test_sqlite_uses_the_database_backend_with_fast_ranking():
    backends = search_backends("django.db.backends.sqlite3")
    assert backends == {"default": {"BACKEND": "search.backends"}}


def test_postgresql_uses_the_french_accent_blind_configuration_and_trigram_fuzzy_queries():
    backend = search_backends("django.db.backends.postgresql")["default"]
    assert backend["BACKEND"] == "search.backends"
    assert backend["SEARCH_CONFIG"] == POSTGRES_SEARCH_CONFIG == "french_unaccent"
    assert backend["FUZZY_ALGORITHM"] == "trigram"
    assert 0 < backend["FUZZY_SIMILARITY_THRESHOLD"] < 1


def test_an_elasticsearch_url_selects_the_elasticsearch_backend_of_the_installed_client():
    backend = search_backends("django.db.backends.postgresql", "http://search.example:9200")["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["http://search.example:9200"]
    assert backend["INDEX_SETTINGS"] == elasticsearch_index_settings()


def test_the_french_analyzer_is_the_default_analyzer_of_the_index():
    analysis = elasticsearch_index_settings()["settings"]["analysis"]
    analyzer = analysis["analyzer"]["default"]
    assert analyzer["tokenizer"] == "standard"
    assert analyzer["filter"] == [
        "french_elision",
        "lowercase",
        "french_stop",
        "asciifolding",
        "french_stemmer",
    ]


def test_the_french_analyzer_removes_elisions_stop_words_and_uses_the_light_stemmer():
    filters = elasticsearch_index_settings()["settings"]["analysis"]["filter"]
    assert filters["french_elision"]["type"] == "elision"
    assert {"l", "d", "qu", "j"} <= set(filters["french_elision"]["articles"])
    assert filters["french_stop"] == {"type": "stop", "stopwords": "_french_"}
    assert filters["french_stemmer"] == {"type": "stemmer", "language": "light_french"}


def test_the_portal_settings_follow_the_database_in_use(settings):
    expected = search_backends(settings.DATABASES["default"]["ENGINE"], settings.ELASTICSEARCH_URL)
    assert expected == settings.WAGTAILSEARCH_BACKENDS


def test_the_elasticsearch_backend_accepts_the_portal_settings():
    from wagtail.search.backends import import_backend

    params = dict(search_backends("", "http://search.example:9200")["default"])
    backend = import_backend(params.pop("BACKEND"))(params)
    analyzer = backend.settings["settings"]["analysis"]["analyzer"]
    # The French analyzer is added to Wagtail's own (autocomplete) analyzers.
    assert analyzer["default"]["filter"][-1] == "french_stemmer"
    assert "edgengram_analyzer" in analyzer


@pytest.mark.elasticsearch
@pytest.mark.skipif(
    not ELASTICSEARCH_URL, reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test"
)
def test_the_cluster_reads_french_as_the_portal_asks():
    from elasticsearch import Elasticsearch

    client = Elasticsearch(ELASTICSEARCH_URL)
    index = "portal_test_french_analyzer"
    client.indices.delete(index=index, ignore_unavailable=True)
    client.indices.create(index=index, **elasticsearch_index_settings())

    def tokens(text):
        answer = client.indices.analyze(index=index, analyzer="default", text=text)
        return [token["token"] for token in answer["tokens"]]

    try:
        assert tokens("l'allocation") == tokens("les allocations") == tokens("Allocation")
        assert tokens("Sécurité sociale") == tokens("securite sociale")
        assert tokens("et les de la") == []
    finally:
        client.indices.delete(index=index, ignore_unavailable=True)
