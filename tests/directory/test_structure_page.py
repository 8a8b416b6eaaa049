"""A structure's page: how one is received (access, languages, help), how to get there, sharing it,
printing it as a card, and when its information was last checked."""

import datetime
from urllib.parse import unquote

from django.core.exceptions import ValidationError

import pytest

from directory.models import Structure
from portal.pdf import qr_code_svg
from tests.directory.factories import StopFactory, StructureFactory, weekdays_nine_to_five
from tests.directory.test_pages import main_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def nangis(directory_page):
    return weekdays_nine_to_five(
        StructureFactory(
            name="France services de Nangis",
            address="2 rue de la Mairie",
            postcode="77370",
            commune_name="Nangis",
            insee_code="77327",
            phone="01 64 60 52 00",
            appointment_required=False,
            step_free_access=True,
            accessible_toilets=False,
            hearing_loop=True,
            languages=["ar", "en"],
            helps_non_readers=True,
            directions="Bus 12, arrêt Mairie. Entrée par la cour.",
            acceslibre_url="https://acceslibre.beta.gouv.fr/app/77-nangis/a/mairie/erp/mairie-nangis/",
        )
    )


def page(client, structure):
    return client.get(f"/france-services/{structure.slug}/")


def test_accessibility_is_said_in_plain_words(client, nangis):
    text = main_text(page(client, nangis))
    assert "Entrée accessible en fauteuil roulant." in text
    assert "Pas de toilettes adaptées au fauteuil roulant." in text
    assert "Boucle magnétique à l'accueil, pour les appareils auditifs." in text
    assert "parking" not in text  # not entered: nothing is said


def test_each_fact_has_its_pictogram_hidden_from_screen_readers(client, nangis):
    html = page(client, nangis).content.decode()
    facts = html[html.index('<ul class="facts">') : html.index("</ul>", html.index('<ul class="facts">'))]
    assert facts.count('<svg class="picto" aria-hidden="true"') == facts.count("<li") == 6


def test_languages_help_and_walk_in_are_said(client, nangis):
    text = main_text(page(client, nangis))
    assert "On parle aussi : anglais, arabe." in text
    assert "Vous ne savez pas lire ou écrire ? Un conseiller lit et remplit les papiers avec vous." in text
    assert "Vous pouvez venir sans rendez-vous." in text


def test_directions_and_acceslibre_link_are_given(client, nangis):
    response = page(client, nangis)
    assert "Comment venir Bus 12, arrêt Mairie. Entrée par la cour." in main_text(response)
    assert (
        f'href="{nangis.acceslibre_url}">L\'accessibilité en détail sur acceslibre'
        in response.content.decode()
    )


def test_unknown_accessibility_says_to_call_first(client, directory_page):
    structure = StructureFactory()
    assert "Accessibilité : pas encore renseignée. Appelez avant de venir." in main_text(
        page(client, structure)
    )


def test_acceslibre_link_must_point_to_acceslibre():
    structure = StructureFactory.build(acceslibre_url="https://example.org/fiche/")
    with pytest.raises(ValidationError, match="acceslibre"):
        structure.clean_fields(exclude=["slug"])


def test_unknown_language_code_is_refused():
    structure = StructureFactory.build(languages=["xx"])
    with pytest.raises(ValidationError, match="langues"):
        structure.clean_fields(exclude=["slug"])


def share_bodies(response):
    html = response.content.decode()
    sms = html.split('href="sms:?&amp;body=', 1)[1].split('"', 1)[0]
    mail = html.split('href="mailto:?subject=', 1)[1].split('"', 1)[0]
    subject, body = mail.split("&amp;body=")
    return unquote(sms), unquote(subject), unquote(body)


def test_share_by_sms_fills_in_the_address_hours_and_page(client, nangis):
    sms, _subject, _body = share_bodies(page(client, nangis))
    assert sms.split("\r\n") == [
        "France services de Nangis",
        "2 rue de la Mairie, 77370 Nangis",
        "Tél. 01 64 60 52 00",
        "Horaires :",
        *[
            f"{day} : 9\u00a0h – 12\u00a0h et 14\u00a0h – 17\u00a0h"
            for day in ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"]
        ],
        "Sans rendez-vous.",
        f"http://testserver/france-services/{nangis.slug}/",
    ]


def test_share_by_email_has_the_name_as_subject_and_the_same_message(client, nangis):
    sms, subject, body = share_bodies(page(client, nangis))
    assert subject == "France services de Nangis"
    assert body == sms


def test_share_for_an_invitation_only_structure_gives_the_rule_and_places(client, directory_page):
    spip = StructureFactory(
        name="France services itinérante du SPIP", reception=Structure.Reception.INVITATION, address=""
    )
    StopFactory(structure=spip, place="SPIP, site de Meaux")
    sms, _subject, _body = share_bodies(page(client, spip))
    assert "Sur invitation de votre CPIP.\r\nSPIP, site de Meaux\r\n" in sms
    assert "Horaires" not in sms


def test_printed_card_carries_a_qr_code_of_the_page(client, nangis):
    html = page(client, nangis).content.decode()
    url = f"http://testserver/france-services/{nangis.slug}/"
    assert str(qr_code_svg(url)) in html
    assert f'<span class="structure-url">{url}</span>' in html


def test_page_says_when_the_information_was_checked(client, nangis):
    nangis.verified_on = datetime.date(2026, 3, 2)
    nangis.save()
    assert "Informations vérifiées le 2 mars 2026." in main_text(page(client, nangis))


def test_page_says_when_the_information_was_never_checked(client, nangis):
    assert "Informations pas encore vérifiées auprès de la structure." in main_text(page(client, nangis))
