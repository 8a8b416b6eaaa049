"""With JavaScript off, every public page shows its content and every form still works."""

from urllib.parse import urlsplit

import pytest

from tests.guides.pdf import is_pdf, page_count
from tests.html import french

from .harness import PostedResponses, posted_pdf
from .pages import PUBLIC_PAGE_TYPES

pytestmark = pytest.mark.browser

VISIBLE_HEADINGS = """() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
  .filter((heading) => heading.checkVisibility())
  .map((heading) => heading.innerText.trim())"""


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES, ids=str)
def test_public_page_shows_its_content_without_javascript(context, no_js_context, visit, page_type):
    with_js = visit(context).evaluate(VISIBLE_HEADINGS)
    # Playwright's evaluate() still works here: only the page's own scripts are off.
    page = visit(no_js_context)
    assert page.locator("main h1").is_visible()
    without_js = page.evaluate(VISIBLE_HEADINGS)
    assert without_js == with_js


def test_site_search_works_without_javascript(no_js_context, home_url):
    page = no_js_context.new_page()
    page.goto(home_url)
    page.get_by_label("Rechercher sur le site").fill("accessibilité")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_url("**/search/?q=accessibilit*")
    results = page.locator("main .results")
    assert results.get_by_role("link", name="Déclaration d'accessibilité").is_visible()


def test_sign_in_and_sign_out_forms_work_without_javascript(no_js_context, staff_home_url, cpip):
    page = no_js_context.new_page()
    page.goto(staff_home_url)
    page.get_by_label("Identifiant").fill(cpip.username)
    page.get_by_label("Mot de passe").fill("mot-de-passe-de-test")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(lambda url: urlsplit(url).path == staff_home_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Espace des professionnels"
    page.get_by_role("button", name="Se déconnecter").click()
    page.goto(staff_home_url)
    assert page.get_by_role("heading", level=1).inner_text() == french(
        "Espace des professionnels : se connecter"
    )


def test_commune_search_works_without_javascript(no_js_context, directory_url):
    page = no_js_context.new_page()
    page.goto(directory_url)
    # Two search forms on the page: the landmark names say which is which.
    search = page.get_by_role("search", name="Trouver une France services")
    search.get_by_label("Votre commune ou votre code postal").fill("77230")
    search.get_by_role("button", name="Chercher").click()
    page.wait_for_url("**/recherche/?q=77230")
    assert page.get_by_role("heading", name="Quelle est votre commune ?").is_visible()
    page.get_by_role("link", name="Dammartin-en-Goële (77230)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "France services près de Dammartin-en-Goële"
    # The five nearest open to all, numbered; the SPIP's France services apart, on invitation.
    nearest = page.locator("main ol.structure-list > li")
    assert nearest.count() == 5
    assert nearest.first.get_by_text("à 0,4 km").is_visible()


def test_directory_sort_and_filter_form_works_without_javascript(no_js_context, directory_url):
    page = no_js_context.new_page()
    page.goto(directory_url)
    page.get_by_label("Pour quel organisme ?").select_option(
        label="Agriculteurs – Mutualité sociale agricole (MSA)"
    )
    page.get_by_label("par commune, de A à Z").check()
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url("**/france-services/?partenaire=msa&tri=commune#liste")
    assert page.get_by_label("par commune, de A à Z").is_checked()
    assert french("où voir : Agriculteurs (MSA)") in page.locator("#liste").inner_text()


def test_print_pack_form_gives_the_pdf_without_javascript(no_js_context, print_pack_url, cpip_cookie):
    no_js_context.add_cookies([cpip_cookie])
    page = no_js_context.new_page()
    page.goto(print_pack_url)
    page.get_by_label("Comment avoir sa carte Vitale ?").check()
    page.get_by_label("Lieu").fill("France services de Melun")
    responses = PostedResponses(page)
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.get_by_role("button", name="Fabriquer le PDF").click()
    _headers, pdf = posted_pdf(responses)
    assert is_pdf(pdf)
    assert 2 <= page_count(pdf) <= 3  # the cover, then the sheet


def test_booking_form_books_a_slot_without_javascript(no_js_context, booking_form_url, cpip_cookie):
    no_js_context.add_cookies([cpip_cookie])
    page = no_js_context.new_page()
    page.goto(booking_form_url)
    page.get_by_role("radio", name="10 h", exact=True).check()
    page.get_by_role("radio", name="Emploi", exact=True).check()
    page.get_by_role("button", name="Réserver ce créneau").click()
    page.wait_for_url("**/espace-pro/agenda/rendez-vous/*/")
    assert page.get_by_role("status").inner_text().startswith(french("Rendez-vous réservé :"))
    facts = page.locator("main dl").inner_text().replace("\xa0", " ")
    assert "10 h" in facts and "Emploi" in facts


def test_commune_search_by_need_works_without_javascript(
    no_js_context, commune_search_url, step_free_structures
):
    page = no_js_context.new_page()
    page.goto(commune_search_url)
    search = page.get_by_role("search", name="Trouver une France services")
    search.get_by_label("Votre commune ou votre code postal").fill("meaux")
    search.get_by_label("Je dois voir").select_option(value="caf")
    search.get_by_label("Entrée accessible en fauteuil roulant").check()
    search.get_by_role("button", name="Voir les France services").click()
    page.wait_for_url("**/recherche/?q=meaux&partenaire=caf&fauteuil=1")
    assert page.get_by_role("heading", level=1).inner_text() == "France services près de Meaux"
    assert search.get_by_label("Entrée accessible en fauteuil roulant").is_checked()
    assert not search.get_by_label("Ouvert maintenant").is_checked()
    nearest = page.locator("main ol.structure-list > li")
    # Three structures have a step-free entrance; those with the CAF among them, each with its distance.
    assert 1 <= nearest.count() <= 3
    for index in range(nearest.count()):
        text = nearest.nth(index).inner_text()
        assert " km" in text
        assert "Entrée accessible en fauteuil roulant." in text
        assert nearest.nth(index).locator(".structure-status").inner_text().strip()


def test_commune_search_open_now_works_without_javascript(no_js_context, commune_search_url):
    page = no_js_context.new_page()
    page.goto(commune_search_url)
    search = page.get_by_role("search", name="Trouver une France services")
    search.get_by_label("Votre commune ou votre code postal").fill("meaux")
    search.get_by_label("Ouvert maintenant").check()
    search.get_by_role("button", name="Voir les France services").click()
    page.wait_for_url("**/recherche/?q=meaux*")
    assert "ouvert=" in page.url, page.url
    assert search.get_by_label("Ouvert maintenant").is_checked()
    listed = page.locator("main ol.structure-list > li")
    # Whatever the hour of the run: every one listed is open now, or the page says none is.
    if listed.count():
        for index in range(listed.count()):
            status = listed.nth(index).locator(".structure-status").inner_text()
            assert status.startswith("Ouvert maintenant"), status
    else:
        assert "Aucune France services ne répond à tous vos choix près de Meaux" in page.inner_text("main")
