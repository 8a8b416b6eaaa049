"""The benchmark's volume generator and the search benchmark command."""

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from bench.volume import generate
from guides.models import ProcedureSheetPage
from home.models import StandardPage
from search import spelling

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home_page):
    call_command("load_demo", stdout=StringIO())


def without_ids(blocks):
    return [{key: value for key, value in block.items() if key != "id"} for block in blocks]


def generated_sheets():
    return ProcedureSheetPage.objects.live().filter(slug__startswith="volume-fiche-")


def test_the_volume_copies_published_demo_sheets_under_new_places(demo):
    generate(sheets=12, pages=3)
    sheets = list(generated_sheets().order_by("slug"))
    assert len(sheets) == 12
    rsa = ProcedureSheetPage.objects.get(slug="demander-le-rsa")
    copy = next(sheet for sheet in sheets if sheet.summary == rsa.summary)
    assert copy.title.startswith("Comment demander le RSA (")
    assert without_ids(copy.body.raw_data) == without_ids(rsa.body.raw_data)
    assert StandardPage.objects.filter(slug__startswith="volume-page-", live=True).count() == 3


def test_generating_the_same_volume_twice_creates_nothing(demo):
    generate(sheets=5, pages=2)
    out = StringIO()
    call_command("generate_volume", "--sheets", "5", "--pages", "2", stdout=out)
    assert "Fiches : 0 créées, 5 en tout. Pages : 0 créées, 2 en tout." in out.getvalue()
    assert generated_sheets().count() == 5


def test_a_dry_run_says_what_would_be_created_and_creates_nothing(demo):
    out = StringIO()
    call_command("generate_volume", "--sheets", "4", "--pages", "1", "--dry-run", stdout=out)
    assert "Fiches : 4 seraient créées" in out.getvalue()
    assert generated_sheets().count() == 0


def test_the_generated_sheets_are_searchable_and_in_the_vocabulary(demo, client):
    before = spelling.get_vocabulary().counts["demander"]
    generate(sheets=11, pages=0)
    assert spelling.get_vocabulary().counts["demander"] > before
    page = client.get("/recherche/", {"q": "rsa"}).content.decode()
    assert page.count("Comment demander le RSA (") == 1


def test_the_volume_needs_the_demo_sheets(home_page):
    with pytest.raises(LookupError):
        generate(sheets=1, pages=0)


def test_the_command_explains_a_missing_demo_in_french(home_page):
    with pytest.raises(CommandError, match="load_demo"):
        call_command("generate_volume", "--sheets", "1", stdout=StringIO())


def test_the_benchmark_prints_median_and_95th_percentile(demo):
    out = StringIO()
    call_command("bench_search", "--rounds", "1", stdout=out)
    text = out.getvalue()
    assert "43 fiches" in text
    assert "recherche : 27 recherches, médiane" in text
    assert "95e centile" in text
