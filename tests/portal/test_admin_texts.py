"""The admin speaks of the portal's models with the right article and agreement."""

import re

from django.contrib.messages import get_messages
from django.urls import reverse

import pytest

from directory.models import Structure
from guides.models import GlossaryTerm, Partner
from portal.admin_texts import Noun
from tests.directory.factories import StructureFactory
from tests.guides.factories import ProcedureSheetPageFactory

pytestmark = pytest.mark.django_db

# Wagtail's hedges when it does not know the gender; "antenne(s)" is a choice of the official file.
UNDECIDED = re.compile(r"\w\((?:e|le|tte|la)\)|\b[Cc]e/cette\b")


def _first_lines(response):
    """The messages shown after a redirection (Wagtail adds buttons after the sentence)."""
    return [str(message).strip().splitlines()[0] for message in get_messages(response.wsgi_request)]


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-test", "a@example.org", "x"))
    return client


@pytest.mark.parametrize(
    ("noun", "add", "new", "confirm"),
    [
        (Noun("partenaire"), "Ajouter un partenaire", "Nouveau partenaire", "supprimer ce partenaire ?"),
        (Noun("organisme"), "Ajouter un organisme", "Nouvel organisme", "supprimer cet organisme ?"),
        (
            Noun("France services", feminine=True),
            "Ajouter une France services",
            "Nouvelle France services",
            "supprimer cette France services ?",
        ),
        (
            Noun("unité du SPIP", feminine=True),
            "Ajouter une unité du SPIP",
            "Nouvelle unité du SPIP",
            "supprimer cette unité du SPIP ?",
        ),
    ],
    ids=["masculine", "masculine before a vowel", "feminine", "feminine before a vowel"],
)
def test_a_noun_gets_its_article_and_agreement(noun, add, new, confirm):
    assert noun.text("add") == add
    assert noun.text("new") == new
    assert noun.text("confirm_delete") == f"Voulez-vous vraiment {confirm}"


def test_errors_elide_the_article():
    assert (
        Noun("unité du SPIP", feminine=True)
        .text("save_error")
        .startswith("L'unité du SPIP n'a pas pu être enregistrée.")
    )
    assert Noun("mot difficile").text("create_error").startswith("Le mot difficile n'a pas pu être créé.")


@pytest.mark.parametrize(
    ("list_url", "add_url", "expected"),
    [
        (
            "wagtailsnippets_guides_partner:list",
            "wagtailsnippets_guides_partner:add",
            ("Ajouter un partenaire", "Nouveau partenaire"),
        ),
        (
            "wagtailsnippets_guides_glossaryterm:list",
            "wagtailsnippets_guides_glossaryterm:add",
            ("Ajouter un mot difficile", "Nouveau mot difficile"),
        ),
        (
            "wagtailsnippets_directory_structure:list",
            "wagtailsnippets_directory_structure:add",
            ("Ajouter une France services", "Nouvelle France services"),
        ),
    ],
    ids=["partner", "difficult word", "structure"],
)
def test_listing_and_new_form_say_un_or_une(admin_client, list_url, add_url, expected):
    listing = admin_client.get(reverse(list_url)).content.decode()
    form = admin_client.get(reverse(add_url)).content.decode()
    assert expected[0] in listing
    assert expected[1] in form
    assert not UNDECIDED.search(listing + form)


def test_creating_editing_and_deleting_a_difficult_word_say_what_happened(admin_client):
    data = {"term": "RSA", "definition": "Une aide pour vivre.", "other_forms": ""}
    response = admin_client.post(reverse("wagtailsnippets_guides_glossaryterm:add"), data, follow=True)
    assert "Mot difficile « RSA » créé." in _first_lines(response)
    term = GlossaryTerm.objects.get(term="RSA")
    url = reverse("wagtailsnippets_guides_glossaryterm:edit", args=[term.pk])
    response = admin_client.post(url, {**data, "definition": "Une aide."}, follow=True)
    assert "Mot difficile « RSA » modifié." in _first_lines(response)
    delete_url = reverse("wagtailsnippets_guides_glossaryterm:delete", args=[term.pk])
    assert (
        "Voulez-vous vraiment supprimer ce mot difficile ?" in admin_client.get(delete_url).content.decode()
    )
    response = admin_client.post(delete_url, follow=True)
    assert "Mot difficile « RSA » supprimé." in _first_lines(response)


def test_a_form_with_errors_says_it_in_agreement(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_guides_glossaryterm:add"), {"term": "", "definition": ""}
    )
    assert (
        "Le mot difficile n&#x27;a pas pu être créé. Corrigez ce qui est signalé."
        in response.content.decode()
    )


def test_a_structure_is_feminine_in_every_message(admin_client):
    structure = StructureFactory(name="France services de Melun")
    delete_url = reverse("wagtailsnippets_directory_structure:delete", args=[structure.pk])
    html = admin_client.get(delete_url).content.decode()
    assert "Voulez-vous vraiment supprimer cette France services ?" in html
    response = admin_client.post(delete_url, follow=True)
    assert "France services « France services de Melun » supprimée." in _first_lines(response)
    assert not Structure.objects.filter(pk=structure.pk).exists()


def test_a_used_partner_says_how_often_without_undecided_endings(admin_client):
    partner = Partner.objects.get(slug="caf")
    StructureFactory().partners.add(partner)
    html = admin_client.get(
        reverse("wagtailsnippets_guides_partner:delete", args=[partner.pk])
    ).content.decode()
    assert not UNDECIDED.search(html)


def test_the_structure_form_adds_un_jour_une_fermeture_un_lieu(admin_client):
    structure = StructureFactory()
    html = admin_client.get(
        reverse("wagtailsnippets_directory_structure:edit", args=[structure.pk])
    ).content.decode()
    assert all(label in html for label in ("Ajouter un jour", "Ajouter une fermeture", "Ajouter un lieu"))
    assert "Utilisée 0 fois" in html
    assert not UNDECIDED.search(html)


def test_the_partner_chooser_of_a_sheet_says_choisir_un_partenaire(admin_client, home_page):
    from tests.guides.factories import GuideIndexPageFactory, TopicPageFactory

    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page))
    sheet = ProcedureSheetPageFactory(parent=topic)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[sheet.pk])).content.decode()
    assert "Choisir un partenaire" in html
    assert "Choisir partenaire" not in html


def test_the_sheet_blocks_are_named_with_a_capital_letter():
    from guides.blocks import ProcedureSheetStreamBlock

    labels = [block.label for block in ProcedureSheetStreamBlock().child_blocks.values()]
    assert "Étapes numérotées" in labels
    assert all(label[0].isupper() for label in labels)
