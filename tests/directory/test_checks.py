"""Keeping the directory true: structures not checked for six months, and the verification
campaign before the summer and the end-of-year holidays."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from directory.checks import current_campaign, due_for_check, next_campaign
from tests.directory.factories import ClosureFactory, StructureFactory

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 12, 2)
CHECK_REPORT = reverse("directory_check_report")
CAMPAIGN_REPORT = reverse("directory_campaign_report")


def names(structures):
    return [structure.name for structure in structures]


@pytest.fixture
def three():
    return (
        StructureFactory(name="Jamais vérifiée"),
        StructureFactory(name="Vérifiée il y a un an", verified_on=D(2025, 12, 1)),
        StructureFactory(name="Vérifiée ce mois-ci", verified_on=D(2026, 11, 20)),
    )


def test_structures_not_checked_for_six_months_are_due_never_checked_first(three):
    assert names(due_for_check(TODAY)) == ["Jamais vérifiée", "Vérifiée il y a un an"]


def test_six_months_to_the_day_is_not_yet_due():
    StructureFactory(name="Vérifiée le 2 juin", verified_on=D(2026, 6, 2))
    assert names(due_for_check(TODAY)) == []
    assert names(due_for_check(D(2026, 12, 3))) == ["Vérifiée le 2 juin"]


@pytest.mark.parametrize(
    ("today", "name"),
    [
        (D(2026, 4, 30), None),
        (D(2026, 5, 1), "l'été 2026"),
        (D(2026, 8, 31), "l'été 2026"),
        (D(2026, 9, 1), None),
        (D(2026, 11, 1), "les fêtes de fin d'année 2026"),
        (D(2027, 1, 3), "les fêtes de fin d'année 2026"),
        (D(2027, 1, 4), None),
    ],
)
def test_campaigns_open_before_the_summer_and_the_year_end(today, name):
    campaign = current_campaign(today)
    assert (campaign.name if campaign else None) == name


def test_outside_a_campaign_the_next_one_is_named():
    assert next_campaign(D(2026, 9, 15)).opens == D(2026, 11, 1)
    assert next_campaign(D(2027, 1, 10)).opens == D(2027, 5, 1)


def test_campaign_lists_structures_without_a_closure_in_the_holidays():
    StructureFactory(name="Sans fermeture saisie")
    closes = StructureFactory(name="Ferme du 24 décembre au 2 janvier")
    ClosureFactory(structure=closes, start_date=D(2026, 12, 24), end_date=D(2027, 1, 2))
    closed_in_summer = StructureFactory(name="Fermée seulement l'été")
    ClosureFactory(structure=closed_in_summer, start_date=D(2026, 8, 3), end_date=D(2026, 8, 21))
    assert names(current_campaign(TODAY).structures()) == ["Fermée seulement l'été", "Sans fermeture saisie"]


def test_structure_checked_during_the_campaign_leaves_it():
    StructureFactory(name="Reste ouverte, vérifiée le 5 novembre", verified_on=D(2026, 11, 5))
    StructureFactory(name="Vérifiée en octobre", verified_on=D(2026, 10, 15))
    assert names(current_campaign(TODAY).structures()) == ["Vérifiée en octobre"]


@pytest.fixture
def on_december_2(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)


def test_editor_reads_the_report_of_structures_to_check(client, editor, three, on_december_2):
    client.force_login(editor)
    html = client.get(CHECK_REPORT).content.decode()
    assert "France services à vérifier (6 mois)" in html
    assert html.index("Jamais vérifiée") < html.index("Vérifiée il y a un an")
    assert "Vérifiée ce mois-ci" not in html


def test_report_of_structures_to_check_exports_to_a_spreadsheet(client, editor, three, on_december_2):
    client.force_login(editor)
    response = client.get(CHECK_REPORT + "?export=csv")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0] == "Nom,Commune,Téléphone,E-mail,Vérifiée le"
    assert rows[1].startswith("Jamais vérifiée,Melun,")


def test_editor_reads_the_campaign_and_what_to_do(client, editor, on_december_2):
    StructureFactory(name="Sans fermeture saisie")
    client.force_login(editor)
    html = client.get(CAMPAIGN_REPORT).content.decode()
    assert (
        "Campagne pour les fêtes de fin d&#x27;année 2026 : les fermetures du 20 décembre au 3 janvier 2027."
        in html
    )
    assert "Sans fermeture saisie" in html


def test_campaign_report_outside_a_campaign_says_when_the_next_opens(client, editor, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: D(2026, 9, 15))
    StructureFactory(name="Sans fermeture saisie")
    client.force_login(editor)
    html = client.get(CAMPAIGN_REPORT).content.decode()
    assert "La prochaine, pour les fêtes de fin d&#x27;année 2026, commence le 1er novembre 2026." in html
    assert "Sans fermeture saisie" not in html


def test_reports_are_for_editors_only(client, cpip):
    client.force_login(cpip)  # no access to the admin: sent to its sign-in
    for url in [CHECK_REPORT, CAMPAIGN_REPORT]:
        assert client.get(url)["Location"] == f"/admin/login/?next={url}"
