"""The downloadable PDF guide: real PDF, stored once, rebuilt when the data changes."""

import html as html_lib
import io
import re

from django.core.management import call_command

import pytest

from directory import guide
from directory.models import Structure
from guides.models import Partner
from portal.pdf import render_document
from tests.directory.factories import OpeningHoursFactory, StructureFactory, weekdays_nine_to_five

pytestmark = pytest.mark.django_db


@pytest.fixture
def structures(directory_page):
    melun = weekdays_nine_to_five(
        StructureFactory(name="France services Pimms Médiation Melun", phone="01 64 09 49 22")
    )
    melun.partners.set(Partner.objects.filter(slug__in=["caf", "urssaf"]))
    meaux = StructureFactory(
        name="France services de la sous-préfecture de Meaux",
        insee_code="77284",
        postcode="77100",
        commune_name="Meaux",
    )
    spip = StructureFactory(
        name="France services itinérante du SPIP",
        reception=Structure.Reception.INVITATION,
        insee_code="",
        commune_name="",
        postcode="",
    )
    return melun, meaux, spip


@pytest.fixture
def fake_build(monkeypatch):
    """Count the builds without running WeasyPrint."""
    calls = []

    def build():
        calls.append(1)
        return b"%PDF-1.7 fake " + str(len(calls)).encode()

    monkeypatch.setattr(guide, "build_pdf", build)
    return calls


def test_guide_is_a_real_pdf_with_a_cover_and_a_section_per_arrondissement(structures):
    pdf = guide.build_pdf()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    document = render_document(guide.guide_html())
    assert len(document.pages) >= 4  # cover, Meaux, Melun, itinerant


def test_guide_gives_each_structure_with_address_phone_hours_partners_and_appointment(structures):
    html = " ".join(re.sub(r"<[^>]+>", " ", guide.guide_html()).split())
    assert "Guide des France services de Seine-et-Marne" in html
    assert "Arrondissement de Meaux" in html and "Arrondissement de Melun" in html
    assert "16 rue Saint Liesne, 77000 Melun" in html
    assert "01 64 09 49 22" in html
    assert "Lundi 9 h – 12 h et 14 h – 17 h" in html
    assert "Allocations familiales (CAF), Cotisations (Urssaf)" in html
    assert "Sans rendez-vous." in html
    assert "Accueil seulement sur invitation" in html
    assert "Source : ANCT" in html


def test_guide_explains_each_partner_once(structures):
    html = html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", guide.guide_html()).split()))
    assert "Qui fait quoi ? Les organismes" in html
    assert "Impôts – Finances publiques (DGFiP) Les Finances publiques s'occupent des impôts" in html
    assert html.count("Les Finances publiques s'occupent des impôts") == 1


def test_guide_is_served_as_a_stored_pdf_download(client, structures, fake_build):
    response = client.get("/france-services/guide/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"] == 'attachment; filename="guide-france-services-seine-et-marne.pdf"'
    )
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_guide_is_not_rebuilt_per_request(client, structures, fake_build):
    client.get("/france-services/guide/")
    client.get("/france-services/guide/")
    assert len(fake_build) == 1


def test_saving_a_structure_marks_the_guide_stale_without_drawing_it(
    client, structures, fake_build, django_capture_on_commit_callbacks
):
    guide.store()
    melun = structures[0]
    with django_capture_on_commit_callbacks(execute=True):
        melun.phone = "01 64 00 00 00"
        melun.save()
        OpeningHoursFactory(structure=melun, weekday=5)
        melun.partners.add(Partner.objects.get(slug="msa"))
    assert len(fake_build) == 1  # the first store() only
    assert guide.is_stale()


def test_next_download_rebuilds_a_stale_guide_once(
    client, structures, fake_build, django_capture_on_commit_callbacks
):
    guide.store()
    with django_capture_on_commit_callbacks(execute=True):
        structures[0].save()
    client.get("/france-services/guide/")
    client.get("/france-services/guide/")
    assert len(fake_build) == 2
    assert not guide.is_stale()


def test_change_made_while_the_guide_is_drawn_keeps_it_stale(structures, monkeypatch):
    guide.store()
    guide._replace(guide.STALE_PATH, b"1")

    def build_while_an_editor_saves():
        guide._replace(guide.STALE_PATH, b"2")
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(guide, "build_pdf", build_while_an_editor_saves)
    guide.rebuild_if_stale()
    assert guide.is_stale()


def test_directory_page_gives_the_size_of_a_fresh_guide_only(client, structures, fake_build):
    guide.store()
    html = client.get("/france-services/").content.decode()
    assert re.search(r"PDF, 1\xa0Ko, mis à jour le \d{1,2}(er)? \w+ \d{4}\.", html)
    guide._replace(guide.STALE_PATH, b"1")
    assert re.search(r'<p class="helptext">PDF\.</p>', client.get("/france-services/").content.decode())


def test_deleting_a_structure_marks_the_guide_stale(
    structures, fake_build, django_capture_on_commit_callbacks
):
    guide.store()
    with django_capture_on_commit_callbacks(execute=True):
        structures[1].delete()
    assert guide.is_stale()
    assert len(fake_build) == 1


def test_import_marks_the_guide_stale_without_drawing_it(
    directory_page, sample_csv, fake_build, django_capture_on_commit_callbacks
):
    from directory.importers import import_france_services

    guide.store()
    with django_capture_on_commit_callbacks(execute=True):
        import_france_services(sample_csv, department="77")
    assert guide.is_stale()
    assert len(fake_build) == 1


def test_import_of_other_departements_only_leaves_the_guide_alone(
    directory_page, sample_csv, fake_build, django_capture_on_commit_callbacks
):
    from directory.importers import import_france_services

    guide.store()
    header, *rows = sample_csv.decode().splitlines()
    other = "\n".join([header, *(row for row in rows if row.startswith('"1001"'))]).encode()
    with django_capture_on_commit_callbacks(execute=True):
        assert import_france_services(other).created == 1
    assert not guide.is_stale()


def test_command_rebuilds_the_stored_guide(structures, fake_build):
    out = io.StringIO()
    call_command("build_france_services_guide", stdout=out)
    assert (
        out.getvalue()
        == "Guide enregistré : directory/guide-france-services-seine-et-marne.pdf (15 octets).\n"
    )
    assert guide.guide_info()["size"] == 15


def test_command_if_stale_leaves_a_fresh_guide_alone(structures, fake_build):
    guide.store()
    out = io.StringIO()
    call_command("build_france_services_guide", "--if-stale", stdout=out)
    assert out.getvalue() == "Guide à jour : rien à refaire.\n"
    assert len(fake_build) == 1


def test_command_if_stale_rebuilds_a_stale_guide(structures, fake_build):
    guide.store()
    guide._replace(guide.STALE_PATH, b"1")
    call_command("build_france_services_guide", "--if-stale", stdout=io.StringIO())
    assert len(fake_build) == 2
    assert not guide.is_stale()


def test_guide_lists_the_structure_on_invitation_apart_after_the_others(structures):
    html = " ".join(re.sub(r"<[^>]+>", " ", guide.guide_html()).split())
    sections = html.split("Sommaire", 1)[1]
    assert sections.index("Arrondissement de Melun") < sections.rindex("Sur invitation de votre CPIP")
    assert sections.rindex("Sur invitation de votre CPIP") < sections.index(
        "France services itinérante du SPIP"
    )
    assert "km" not in sections
