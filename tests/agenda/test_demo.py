"""The demo content: three units, their regular sessions, the public page and a CPIP account."""

import io
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, Revision

import pytest
from dateutil.relativedelta import relativedelta

from agenda import demo
from agenda.models import AgendaPage, ProbationUnit, Session, SessionRule
from home.groups import CPIP
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        list(ProbationUnit.objects.values_list()),
        list(SessionRule.objects.values_list()),
        list(Session.objects.values_list()),
        sorted(Page.objects.values_list("url_path", "live", "latest_revision_id")),
        Revision.objects.count(),
        list(get_user_model().objects.values_list("username", "password", "last_login")),
        list(SiteSettings.objects.values_list("agenda_page_id")),
    )


def test_loading_the_demo_twice_changes_nothing(home_page):
    load_demo()
    first = snapshot()
    load_demo()
    assert snapshot() == first


def test_demo_has_the_three_units_without_invented_addresses(home_page):
    load_demo()
    units = {unit.slug: unit for unit in ProbationUnit.objects.all()}
    assert {slug: (unit.postcode, unit.commune) for slug, unit in units.items()} == {
        "fontainebleau": ("77300", "Fontainebleau"),
        "la-rochette": ("77000", "La Rochette"),
        "meaux": ("77100", "Meaux"),
    }
    assert all(unit.address == "" and unit.phone == "" for unit in units.values())


def test_demo_sessions_cover_the_coming_three_months(home_page):
    load_demo()
    today = timezone.localdate()
    for unit in ProbationUnit.objects.all():
        coming = Session.objects.for_unit(unit).upcoming(today)
        assert coming.exists(), unit
        assert coming.last().date >= today + timedelta(days=60), unit
        assert SessionRule.objects.get(unit=unit).ends_on >= today + relativedelta(months=3), unit
    assert SessionRule.objects.get(unit__slug="meaux").describe() == "chaque mardi, de 9\u00a0h à 12\u00a0h"
    assert (
        SessionRule.objects.get(unit__slug="fontainebleau").describe()
        == "les 2e et 4e jeudis du mois, de 14\u00a0h à 17\u00a0h"
    )


def test_demo_publishes_the_agenda_page_and_sets_it_in_site_settings(client, home_page):
    load_demo()
    page = AgendaPage.objects.get()
    assert page.url == "/agenda/"
    assert SiteSettings.objects.get().agenda_page_id == page.pk
    for slug in ("fontainebleau", "la-rochette", "meaux"):
        assert client.get(f"/agenda/{slug}/").status_code == 200


def test_demo_cpip_account_is_created_with_a_printed_password(client, home_page, monkeypatch):
    monkeypatch.delenv("DEMO_CPIP_PASSWORD", raising=False)
    output = load_demo()
    password = re.search(r"mot de passe \(affiché une seule fois\) : (\S+)", output).group(1)
    user = get_user_model().objects.get(username=demo.DEMO_CPIP_USERNAME)
    assert user.check_password(password)
    assert user.groups.filter(name=CPIP).exists()
    assert not user.is_staff and not user.is_superuser
    client.force_login(user)
    assert client.get("/espace-pro/agenda/").status_code == 200


def test_demo_cpip_password_comes_from_the_environment_when_set(home_page, monkeypatch):
    monkeypatch.setenv("DEMO_CPIP_PASSWORD", "un-mot-de-passe-choisi")
    output = load_demo()
    assert "un-mot-de-passe-choisi" not in output
    assert "DEMO_CPIP_PASSWORD" in output
    assert get_user_model().objects.get(username="cpip-demo").check_password("un-mot-de-passe-choisi")


def test_second_run_says_how_to_reset_the_demo_cpip_password(home_page):
    load_demo()
    output = load_demo()
    assert "existe déjà" in output
    assert "python manage.py changepassword cpip-demo" in output


def test_the_spip_structure_links_each_unit_to_its_calendar(client, home_page):
    from directory.demo import SPIP_STRUCTURE_SLUG
    from directory.models import Structure

    call_command("load_demo", stdout=io.StringIO())
    structure = Structure.objects.get(slug=SPIP_STRUCTURE_SLUG)
    html = client.get(structure.get_absolute_url()).content.decode()
    for slug in ("fontainebleau", "la-rochette", "meaux"):
        assert f'href="/agenda/{slug}/"' in html
    assert client.get("/agenda/meaux/").status_code == 200
