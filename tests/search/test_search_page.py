"""The search page as a reader sees it."""

import re
from html import unescape

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def main_text(page):
    """The visible text of the page's main part, on one line."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))


def titles(html):
    """The titles of the results (promoted results aside), in order."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', main)


def test_the_search_page_answers_at_both_addresses(client, pages):
    for address in ("/search/", "/recherche/"):
        assert "La carte Vitale" in client.get(address, {"q": "vitale"}).content.decode()


def test_an_empty_query_invites_to_type_words(client, home_page):
    assert "Écrivez un mot dans la case" in main_text(search(client, ""))


def test_results_show_each_page_with_its_summary(client, pages):
    text = main_text(search(client, "vitale"))
    assert "La carte Vitale" in text
    assert "Demander ou remplacer votre carte Vitale" in text


def test_the_best_match_comes_first(client, pages):
    assert titles(search(client, "carte vitale"))[0] == "La carte Vitale"


def test_accents_and_capitals_do_not_matter(client, pages):
    assert titles(search(client, "CARTE VITALE")) == titles(search(client, "carte vitale"))
    assert "S&#x27;inscrire à France Travail" in titles(search(client, "inscrivez-vous a france travail"))


def test_a_whole_question_finds_the_page_that_answers_it(client, pages):
    found = titles(search(client, "comment je fais pour avoir les allocations familiales ?"))
    assert found[0] == "Les allocations familiales"


def test_a_synonym_finds_what_the_content_calls_otherwise(client, pages, synonyms):
    assert titles(search(client, "chomage"))[0] == "S&#x27;inscrire à France Travail"
    assert titles(search(client, "sécu"))[0] == "La carte Vitale"


def test_a_misspelt_query_shows_the_results_of_the_clear_correction_with_a_note(client, pages):
    html = search(client, "alocation familliale")
    assert "Résultats pour « allocation familiale »" in main_text(html)
    assert titles(html)[0] == "Les allocations familiales"


def test_the_reader_can_search_the_query_as_typed_instead(client, pages):
    html = search(client, "alocation familliale")
    assert "?q=alocation%20familliale&amp;exact=1" in html
    exact = search(client, "alocation familliale", exact="1")
    assert "Résultats pour" not in main_text(exact)


def test_an_unclear_correction_is_offered_as_a_question(client, home_page):
    StandardPageFactory(parent=home_page, title="Carte de séjour", intro="Votre carte.")
    StandardPageFactory(parent=home_page, title="Cadre de vie", intro="Votre cadre.")
    text = main_text(search(client, "carde"))
    assert re.search(r"Vouliez-vous dire (carte ou cadre|cadre ou carte) \?", text)


def test_nothing_found_says_so_and_points_to_an_advisor(client, pages):
    text = main_text(search(client, "xylophone"))
    assert "Nous n'avons rien trouvé pour « xylophone »" in text
    assert "Un conseiller France services peut vous aider" in text


def test_signs_alone_are_answered_with_a_hint(client, pages):
    assert "ne contient pas de mot" in main_text(search(client, "* - ( ) \" '"))


def test_promoted_results_come_first(client, pages):
    query = Query.get("carte")
    SearchPromotion.objects.create(
        query=query, page=pages["grise"], description="Tout sur la carte grise.", sort_order=0
    )
    html = search(client, "Carte")
    promoted = html.split('id="search-promoted"', 1)[1]
    assert promoted.index("La carte grise") < promoted.index("La carte Vitale")
    assert "Tout sur la carte grise." in html
    assert "La carte grise" not in titles(html)  # not shown twice


def test_promotions_of_unpublished_pages_are_hidden(client, pages):
    pages["grise"].unpublish()
    SearchPromotion.objects.create(query=Query.get("carte"), page=pages["grise"], sort_order=0)
    assert 'id="search-promoted"' not in search(client, "carte")


def test_results_are_grouped_under_a_heading_per_kind(client, pages):
    html = search(client, "carte")
    assert re.search(r"<h2 [^>]*>Autres pages</h2>", html)


def test_many_results_are_split_into_pages(client, home_page):
    for number in range(25):
        StandardPageFactory(parent=home_page, title=f"Démarche numéro {number}", intro="Une démarche.")
    first = search(client, "démarche")
    assert "25 résultats" in main_text(first)
    assert len(titles(first)) == 20
    assert "page=2" in first
    assert len(titles(search(client, "démarche", page="2"))) == 5


def test_the_search_page_loads_no_inline_script_or_style(client, pages):
    html = search(client, "carte")
    assert "<style" not in html
    assert 'style="' not in html
    assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/search/js/suggest.js" defer>']


def test_the_search_field_works_without_javascript(client, pages):
    html = search(client, "carte")
    form = html.split('<form class="search-form"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form
    assert 'action="/search/"' in form
    assert 'name="q" value="carte"' in form
    assert 'type="submit"' in form


def test_search_results_are_not_indexed_by_search_engines(client, pages):
    assert '<meta name="robots" content="noindex">' in search(client, "carte")


def test_the_empty_search_page_may_be_indexed(client, pages):
    assert 'name="robots"' not in search(client, "")
