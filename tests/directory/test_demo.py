"""The directory's demo content: 34 structures of the real file, the SPIP's itinerant one, the page."""

import io

from django.core.management import call_command

from wagtail.models import Revision, Site

import pytest

from directory import demo, guide
from directory.models import DirectoryPage, Structure
from home.models import SiteSettings
from tests.directory.factories import StructureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_build(monkeypatch):
    calls = []
    monkeypatch.setattr(guide, "build_pdf", lambda: calls.append(1) or b"%PDF-1.7 fake")
    return calls


def test_demo_loads_the_35_structures_and_the_directory_page(home_page, fake_build):
    demo.load(io.StringIO())
    assert Structure.objects.in_department().count() == 35
    assert Structure.objects.exclude(id_fs=None).count() == 34
    page = DirectoryPage.objects.get()
    assert page.url == "/france-services/"
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).directory_page.specific == page


def test_spip_structure_receives_by_invitation_in_the_three_units(home_page, fake_build):
    demo.load(io.StringIO())
    spip = Structure.objects.get(slug=demo.SPIP_STRUCTURE_SLUG)
    assert spip.is_invitation_only
    assert spip.format == Structure.Format.ITINERANT
    assert [(stop.commune.name, stop.commune.postcode_list) for stop in spip.stops.all()] == [
        ("Fontainebleau", ["77300"]),
        ("La Rochette", ["77000"]),
        ("Meaux", ["77100"]),
    ]
    assert spip.address == "" and spip.phone == ""


def test_every_structure_offers_the_national_partners(home_page, fake_build):
    demo.load(io.StringIO())
    assert all(structure.partners.count() == 13 for structure in Structure.objects.all())


def test_second_run_changes_nothing(home_page, fake_build, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(io.StringIO())
    before = sorted(Structure.objects.values_list("pk", "updated_at"))
    revisions = Revision.objects.count()
    guide.store()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load(io.StringIO())
    assert sorted(Structure.objects.values_list("pk", "updated_at")) == before
    assert Structure.objects.count() == 35
    assert not guide.is_stale()
    assert Revision.objects.count() == revisions


def test_load_demo_command_runs_the_directory_demo(home_page, fake_build):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "directory: 35 France services" in out.getvalue()


def test_the_demo_counts_add_up_on_an_empty_database_and_on_a_second_run(home_page, fake_build):
    first, second = io.StringIO(), io.StringIO()
    demo.load(first)
    demo.load(second)
    assert first.getvalue() == "directory: 35 France services (35 créées)"
    assert second.getvalue() == "directory: 35 France services (35 inchangées)"


def test_the_demo_counts_structures_editors_added(home_page, fake_build):
    demo.load(io.StringIO())
    StructureFactory(name="France services ajoutée à la main")
    out = io.StringIO()
    demo.load(out)
    assert out.getvalue().endswith("(35 inchangées, 1 autre, ajoutée par les éditeurs)")
