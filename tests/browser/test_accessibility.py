"""axe-core, the accessibility engine, on every page type: WCAG 2.1 A and AA, and the RGAA 4 rules."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import ADMIN_PAGE_TYPES, PAGE_TYPES

pytestmark = pytest.mark.browser

# The bundled axe-core (4.12) also tags the rules that check RGAA 4 criteria, "RGAAv4".
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "RGAAv4"]

# Rules switched off, each with the reason beside it: {"rule-id": "why"}. Keep it
# empty unless a rule is wrong about a page.
DISABLED_RULES = {}


def accessibility_report(page):
    """Run axe-core on the page as it is now; return its results (violations only)."""
    axe = Axe()
    page.evaluate(axe.axe_script)
    # axe-core runs its experimental rules only when asked: ask for the RGAA ones.
    experimental = page.evaluate(
        "axe.getRules(['RGAAv4']).filter(rule => rule.tags.includes('experimental')).map(rule => rule.ruleId)"
    )
    rules = {rule: {"enabled": True} for rule in experimental}
    rules.update({rule: {"enabled": False} for rule in DISABLED_RULES})
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "rules": rules, "resultTypes": ["violations"]}
    return axe.run(page, options=options)


@pytest.mark.parametrize("page_type", PAGE_TYPES + ADMIN_PAGE_TYPES, ids=str)
def test_page_type_has_no_accessibility_violation(context, visit, page_type):
    report = accessibility_report(visit(context))
    assert report.violations_count == 0, report.generate_report()


def test_sign_in_error_has_no_accessibility_violation(context, sign_in_url, cpip):
    page = context.new_page()
    page.goto(sign_in_url)
    page.get_by_label("Identifiant").fill(cpip.username)
    page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("alert").is_visible()
    assert page.title().startswith("Erreur")
    report = accessibility_report(page)
    assert report.violations_count == 0, report.generate_report()


def test_sign_in_lockout_page_has_no_accessibility_violation(context, sign_in_url, cpip, settings):
    page = context.new_page()
    page.goto(sign_in_url)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.get_by_label("Identifiant").fill(cpip.username)
        page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
        page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Connexion bloquée"
    report = accessibility_report(page)
    assert report.violations_count == 0, report.generate_report()


def test_accessibility_statement_gives_status_date_contact_and_appeal(context, accessibility_statement_url):
    page = context.new_page()
    page.goto(accessibility_statement_url)
    text = page.locator("main").inner_text()
    assert "partiellement conforme" in text
    assert re.search(r"établie le \d{1,2} \w+ \d{4}", text)
    assert "Écrivez à la préfecture de Seine-et-Marne" in text
    assert "Défenseur des droits" in text
    footer_link = page.locator("footer").get_by_role("link", name="Accessibilité : partiellement conforme")
    assert footer_link.get_attribute("href") == accessibility_statement_url
