"""The commune search narrowed by need (a partner, open now, a step-free entrance), and the SPIP's
France services, which receives only on invitation, listed apart with no distance."""

import datetime
import html as html_lib
import io
import re

from django.utils import timezone

import pytest

from directory import demo
from directory.models import Structure
from guides.models import Partner
from tests.directory.test_pages import main_text

pytestmark = pytest.mark.django_db

SEARCH = "/france-services/recherche/"
# Tuesday 10 March 2026, 10:00 in Paris; Sunday 8 March 2026, 10:00.
TUESDAY_MORNING = datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC)
SUNDAY_MORNING = datetime.datetime(2026, 3, 8, 9, tzinfo=datetime.UTC)


@pytest.fixture
def directory(home_page):
    """The demo's 35 France services, every national partner in each."""
    demo.load(io.StringIO())


def results(response):
    """The names of the numbered results (open to everyone, nearest first), in order."""
    html = response.content.decode()
    if '<ol class="structure-list">' not in html:
        return []
    numbered = html.split('<ol class="structure-list">', 1)[1].split("</ol>", 1)[0]
    return [
        html_lib.unescape(name) for name in re.findall(r'class="structure-name"[^>]*>([^<]+)</a>', numbered)
    ]


@pytest.mark.parametrize("query", ["meaux", "77300"])
def test_spip_structure_comes_apart_after_the_open_ones_without_distance(client, directory, query):
    response = client.get(SEARCH, {"q": query})
    text = main_text(response)
    spip = "France services itinérante du SPIP de Seine-et-Marne"
    assert len(results(response)) == 5
    assert all("SPIP" not in name for name in results(response))
    apart = text.split("Sur invitation de votre CPIP", 1)[1]
    assert spip in apart
    assert "km" not in apart.split("Voir toutes les France services")[0]


def test_results_say_how_far_and_when_it_opens(client, directory, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: SUNDAY_MORNING)
    text = main_text(client.get(SEARCH, {"q": "meaux"}))
    assert re.search(r"Meaux \(77100\) – à 0,\d km Ouvre demain à 9 h", text)


def test_partner_narrows_the_results(client, directory):
    caf = Partner.objects.get(slug="caf")
    for structure in Structure.objects.exclude(
        id_fs="1824"
    ):  # only the sous-préfecture de Meaux keeps the CAF
        structure.partners.remove(caf)
    response = client.get(SEARCH, {"q": "meaux", "partenaire": "caf"})
    assert results(response) == ["France services de la sous-préfecture de Meaux"]


def test_open_now_keeps_only_those_open_at_this_time(client, directory, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: TUESDAY_MORNING)
    open_now = [
        s.name
        for s in Structure.objects.in_department().prefetch_for_list()
        if s.status(TUESDAY_MORNING).is_open
    ]
    response = client.get(SEARCH, {"q": "meaux", "ouvert": "1"})
    assert results(response) and set(results(response)) <= set(open_now)
    text = main_text(response)
    assert text.count("Ouvert maintenant jusqu'à") == len(results(response))
    assert "Sur invitation de votre CPIP" not in text


def test_open_now_on_a_sunday_says_none_and_offers_the_list_without_choices(client, directory, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: SUNDAY_MORNING)
    response = client.get(SEARCH, {"q": "meaux", "ouvert": "1"})
    assert "Aucune France services ne répond à tous vos choix près de Meaux." in main_text(response)
    assert (
        'href="/france-services/commune/77284/">Voir les plus proches, sans ces choix'
        in response.content.decode()
    )


def test_wheelchair_access_keeps_only_step_free_entrances(client, directory):
    Structure.objects.filter(id_fs__in=["1825", "1824"]).update(step_free_access=True)
    Structure.objects.filter(id_fs="1821").update(step_free_access=False)
    response = client.get(SEARCH, {"q": "meaux", "fauteuil": "1"})
    assert sorted(results(response)) == [
        "France services Coulommiers",
        "France services de la sous-préfecture de Meaux",
    ]
    # Once in the form's box, once for each result.
    assert main_text(response).count("Entrée accessible en fauteuil roulant") == 3


def test_choice_of_commune_keeps_the_needs(client, directory):
    html = client.get(SEARCH, {"q": "77230", "partenaire": "caf", "ouvert": "1"}).content.decode()
    assert 'href="/france-services/commune/77153/?partenaire=caf&amp;ouvert=1"' in html


def test_commune_page_applies_the_needs_of_its_address(client, directory):
    Structure.objects.filter(id_fs="1824").update(step_free_access=True)
    response = client.get("/france-services/commune/77284/", {"fauteuil": "1"})
    assert results(response) == ["France services de la sous-préfecture de Meaux"]


def test_the_form_shows_the_needs_asked(client, directory):
    html = client.get(SEARCH, {"q": "meaux", "partenaire": "msa", "fauteuil": "1"}).content.decode()
    assert '<option value="msa" selected>' in html
    assert '<input type="checkbox" name="fauteuil" value="1" checked>' in html
    assert '<input type="checkbox" name="ouvert" value="1">' in html


def test_unknown_partner_is_said_and_the_other_needs_still_apply(client, directory):
    Structure.objects.filter(id_fs="1824").update(step_free_access=True)
    response = client.get(SEARCH, {"q": "meaux", "partenaire": "n-existe-pas", "fauteuil": "1"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in main_text(response)
    assert results(response) == ["France services de la sous-préfecture de Meaux"]


def test_the_rule_for_other_apps_gives_the_open_ones_and_those_on_invitation(directory):
    from directory.models import Commune

    around = Structure.objects.in_department().around(Commune.objects.get(code="77284"), limit=5)
    assert len(around.nearby) == 5
    assert not any(item.structure.is_invitation_only for item in around.nearby)
    assert [s.slug for s in around.by_invitation] == [demo.SPIP_STRUCTURE_SLUG]
