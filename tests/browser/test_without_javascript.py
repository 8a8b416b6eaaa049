"""With JavaScript off, every public page shows its content and every form still works."""

from urllib.parse import urlsplit

import pytest

from .pages import PUBLIC_PAGE_TYPES

pytestmark = pytest.mark.browser

VISIBLE_HEADINGS = """() => [...document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')]
  .filter((heading) => heading.checkVisibility())
  .map((heading) => heading.innerText.trim())"""


@pytest.fixture
def no_js_context(contexts, browser_thread):
    return browser_thread.run(contexts.new, java_script_enabled=False)


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
    assert page.get_by_role("heading", level=1).inner_text() == "Espace des professionnels : se connecter"
