"""Editors in Wagtail admin: the structures, and the import of the official list."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from directory.models import Structure
from guides.models import Partner

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/import-france-services/"


def upload(data, name="liste.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def structure_form(**overrides):
    data = {
        "name": "France services de Nangis",
        "address": "",
        "address_complement": "",
        "postcode": "77370",
        "commune_name": "Nangis",
        "insee_code": "77327",
        "latitude": "",
        "longitude": "",
        "phone": "",
        "email": "",
        "appointment_required": "",
        "comment": "",
        "kind": "principal",
        "format": "fixe",
        "labelled_on": "",
        "id_fs": "",
        "department": "77",
        "group": "",
        "reception": "public",
        "accessibility": "Entrée de plain-pied.",
        "slug": "",
        "opening_hours": inline_formset(
            [
                {
                    "weekday": "0",
                    "opens": "09:00",
                    "closes": "12:00",
                    "opens_again": "14:00",
                    "closes_again": "17:00",
                }
            ]
        ),
        "closures": inline_formset([]),
        "stops": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_sees_the_import_page(client, editor):
    client.force_login(editor)
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    assert "Importer la liste officielle des France services" in response.content.decode()


def test_editor_imports_the_file_and_reads_the_report(client, editor, sample_csv):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"file": upload(sample_csv), "departement": "77"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "7 créées, 0 mises à jour, 0 inchangées, 2 lignes ignorées." in html
    assert "Ligne 3 — France services La Poste de Rebais : colonne h_lundi" in html
    assert Structure.objects.count() == 7


def test_editor_can_try_the_file_first(client, editor, sample_csv):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"file": upload(sample_csv), "departement": "77", "dry_run": "on"})
    assert "Essai à blanc, rien n&#x27;a été enregistré." in response.content.decode()
    assert Structure.objects.count() == 0


def test_bad_file_gets_a_clear_message_and_changes_nothing(client, editor):
    client.force_login(editor)
    response = client.post(IMPORT_URL, {"file": upload("é;è\n".encode("latin-1")), "departement": "77"})
    assert response.status_code == 200
    assert "n&#x27;est pas encodé en UTF-8" in response.content.decode()
    assert Structure.objects.count() == 0


def test_reviewer_without_the_right_cannot_import(client, falc_reviewer, sample_csv):
    client.force_login(falc_reviewer)
    response = client.post(IMPORT_URL, {"file": upload(sample_csv)})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert Structure.objects.count() == 0


def test_visitor_is_sent_to_sign_in(client, sample_csv):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert Structure.objects.count() == 0


def test_staff_home_links_editors_to_the_import(client, editor, cpip):
    client.force_login(editor)
    assert IMPORT_URL in client.get(reverse("staff_home")).content.decode()
    client.force_login(cpip)
    assert IMPORT_URL not in client.get(reverse("staff_home")).content.decode()


def test_editor_adds_a_structure_with_its_hours(client, editor):
    client.force_login(editor)
    response = client.post(reverse("wagtailsnippets_directory_structure:add"), structure_form())
    assert response.status_code == 302
    structure = Structure.objects.get()
    assert structure.id_fs is None  # not in the official list: never touched by an import
    assert structure.slug == "nangis"
    assert structure.commune.name == "Nangis"
    assert [line.ranges for line in structure.opening_hours.all()][0][1][0].hour == 14


def test_two_structures_added_by_editors_need_no_official_id(client, editor):
    client.force_login(editor)
    client.post(reverse("wagtailsnippets_directory_structure:add"), structure_form())
    response = client.post(
        reverse("wagtailsnippets_directory_structure:add"), structure_form(name="France services de Nangis 2")
    )
    assert response.status_code == 302
    assert Structure.objects.filter(id_fs=None).count() == 2


def test_two_lines_for_the_same_day_are_refused(client, editor):
    client.force_login(editor)
    hours = inline_formset(
        [
            {"weekday": "0", "opens": "09:00", "closes": "12:00", "opens_again": "", "closes_again": ""},
            {"weekday": "0", "opens": "14:00", "closes": "17:00", "opens_again": "", "closes_again": ""},
        ]
    )
    response = client.post(
        reverse("wagtailsnippets_directory_structure:add"), structure_form(opening_hours=hours)
    )
    assert response.status_code == 200
    assert "Ce jour a déjà ses horaires" in response.content.decode()
    assert Structure.objects.count() == 0


def test_closing_before_opening_is_refused(client, editor):
    client.force_login(editor)
    hours = inline_formset(
        [{"weekday": "0", "opens": "12:00", "closes": "09:00", "opens_again": "", "closes_again": ""}]
    )
    response = client.post(
        reverse("wagtailsnippets_directory_structure:add"), structure_form(opening_hours=hours)
    )
    assert (
        "L&#x27;heure de fermeture doit venir après l&#x27;heure d&#x27;ouverture."
        in response.content.decode()
    )
    assert Structure.objects.count() == 0


def test_reserved_address_is_refused(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailsnippets_directory_structure:add"), structure_form(slug="recherche")
    )
    assert "est réservé par l&#x27;annuaire" in response.content.decode()


def test_editor_opens_the_edit_form_of_an_imported_structure(client, editor, sample_csv):
    from directory.importers import import_france_services

    import_france_services(sample_csv, department="77")
    structure = Structure.objects.get(id_fs="972")
    structure.partners.set(Partner.objects.all())
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_directory_structure:edit", args=[structure.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fichier officiel" in html and "Compléments" in html
    assert "Un nouvel import les remplace" in html


def test_editor_lists_and_filters_the_structures(client, editor, sample_csv):
    from directory.importers import import_france_services

    import_france_services(sample_csv, department="77")
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_directory_structure:list") + "?format=bus&q=nemours")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bus France services Pimms Médiation Nemours" in html
    assert "France services La Poste de Rebais" not in html
