"""The portal's database backend: the library's matching and order, asked of the database faster."""

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.database import SearchBackend as library_backend
from modelsearch.query import Fuzzy, Or, Phrase, PlainText

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    PlainText("carte", operator="or"),
    PlainText("carte vitale grise", operator="or"),
    PlainText("carte vitale", operator="and"),
    Or([PlainText("voiture", operator="or"), PlainText("assurance maladie", operator="and")]),
    Phrase("carte grise"),
]


@pytest.fixture
def cards(home_page):
    texts = [
        ("La carte Vitale", "Votre carte Vitale et l'Assurance maladie."),
        ("La carte grise", "La carte grise de votre voiture."),
        ("Carte, carte, carte", "Toutes les cartes : carte Vitale, carte grise, carte d'identité."),
        ("Un brouillon sur la carte", "Jamais publié."),
        ("Voiture", "Acheter une voiture."),
    ]
    pages = [StandardPageFactory(parent=home_page, title=title, intro=intro) for title, intro in texts]
    pages[3].unpublish()
    return pages


def test_the_portal_uses_its_own_subclass_of_the_librarys_backend(settings):
    ours, library = get_search_backend(), library_backend({})
    assert type(ours) is not type(library)
    assert isinstance(ours, type(library))


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_results_and_their_order_are_the_librarys(cards, query, settings):
    ours = get_search_backend()
    library = library_backend(settings.WAGTAILSEARCH_BACKENDS["default"])
    queryset = Page.objects.live()
    assert list(ours.search(query, queryset)) == list(library.search(query, queryset))
    assert ours.search(query, queryset).count() == library.search(query, queryset).count()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="fuzzy queries run on PostgreSQL only")
def test_fuzzy_queries_compare_the_query_with_titles_only(cards, settings):
    query = Fuzzy("voitture", unaccent=True)
    ours = get_search_backend().search(query, Page.objects.live())
    library = library_backend(settings.WAGTAILSEARCH_BACKENDS["default"]).search(query, Page.objects.live())
    assert [page.title for page in ours] == ["Voiture"]
    assert [page.title for page in library] == ["Voiture", "La carte grise"]  # "voiture" in its text


def test_a_slice_of_the_results_is_counted_and_fetched_alone(cards):
    results = get_search_backend().search(PlainText("carte", operator="or"), Page.objects.live())
    assert len(results[1:3]) == 2
    assert results[1:3].count() == 2
    assert list(results[1:3]) == list(results)[1:3]


def test_scores_can_be_annotated(cards):
    results = get_search_backend().search("vitale", Page.objects.live()).annotate_score("_score")
    assert all(isinstance(page._score, float) for page in results)


def test_searches_without_ranking_are_left_to_the_library(cards):
    results = get_search_backend().search("carte", Page.objects.live(), order_by_relevance=False)
    assert {page.title for page in results} == {"La carte Vitale", "La carte grise", "Carte, carte, carte"}
