"""French typography: a no-break space before ? ! : ; and inside « », in the text only."""

import pytest

from portal.typography import french_spacing
from tests.agenda.factories import AgendaPageFactory, ProbationUnitFactory, SessionFactory, in_days
from tests.directory.factories import DirectoryPageFactory, StructureFactory
from tests.factories import StandardPageFactory
from tests.links import laid_out_text

NARROW = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Pour qui ? Vous", f"Pour qui{NARROW}? Vous"),
        ("Attention ! Venez", f"Attention{NARROW}! Venez"),
        ("Apportez : un RIB ; une carte", f"Apportez{NBSP}: un RIB{NARROW}; une carte"),
        ("Relecture « facile à lire »", f"Relecture «{NBSP}facile à lire{NBSP}»"),
        ("Comment faire?", f"Comment faire{NARROW}?"),
        ("Vraiment ?!", f"Vraiment{NARROW}?!"),
        ("<strong>Téléphone</strong> : 01 64", f"<strong>Téléphone</strong>{NBSP}: 01 64"),
    ],
    ids=[
        "question",
        "exclamation",
        "colon and semicolon",
        "quotes",
        "glued question mark",
        "?!",
        "after a tag",
    ],
)
def test_spaces_before_french_signs_become_no_break_spaces(html, expected):
    assert french_spacing(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<a href="/recherche/?q=carte ?" title="Aide : ici">x</a>',
        "Cette fiche sur internet : https://exemple.fr/fiches/rsa/?utm=1",
        "Ouvert de 10:00 à 12:30",
        "Vous &amp; moi, l&#x27;argent",
        "<script>let a = b ? c : d;</script>",
        "<style>a::after { content: ' :'; }</style>",
        "<pre>x ; y</pre><code>a ? b : c</code>",
        "<textarea>Ce que vous tapez ?</textarea>",
        "<!-- note : rien -->",
        "mailto:accueil@exemple.fr",
    ],
    ids=[
        "attributes",
        "url",
        "times",
        "entities",
        "script",
        "style",
        "code",
        "textarea",
        "comment",
        "address",
    ],
)
def test_urls_attributes_times_entities_and_code_are_left_alone(html):
    expected = html.replace("internet : https", f"internet{NBSP}: https")
    assert french_spacing(html) == expected


def test_spacing_twice_changes_nothing():
    once = french_spacing("Pour qui ? « Vous » : oui !")
    assert french_spacing(once) == once


@pytest.mark.django_db
def test_a_page_title_the_editor_s_text_and_the_template_strings_get_no_break_spaces(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Qui peut m'aider ?", slug="aide", body="<p>Attention : venez tôt !</p>"
    )
    html = client.get("/aide/").content.decode()
    assert f"<h1>Qui peut m&#x27;aider{NARROW}?</h1>" in html
    assert f"<p>Attention{NBSP}: venez tôt{NARROW}!</p>" in html
    assert f"Qui peut m&#x27;aider{NARROW}? – France services" in html  # <title>
    assert 'action="/search/"' in html


@pytest.mark.django_db
def test_the_csv_and_json_open_data_are_left_alone(client, home_page):
    DirectoryPageFactory(parent=home_page)
    StructureFactory(name="France services : Melun ?")
    assert (
        "France services : Melun ?" in client.get("/france-services/donnees-ouvertes/csv/").content.decode()
    )
    structures = client.get("/france-services/donnees-ouvertes/json/").json()["structures"]
    assert structures[0]["lib_fs"] == "France services : Melun ?"


@pytest.mark.django_db
def test_the_calendar_file_is_left_alone(client, home_page):
    AgendaPageFactory(parent=home_page)
    unit = ProbationUnitFactory(slug="meaux", name="SPIP : Meaux ?")
    SessionFactory(unit=unit, date=in_days(3))
    ics = client.get("/calendriers/meaux.ics").content.decode()
    assert "SPIP : Meaux ?" in ics.replace("\r\n ", "")
    assert NARROW not in ics and NBSP not in ics


@pytest.mark.django_db
def test_the_admin_is_left_as_wagtail_writes_it(client, home_page, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert NARROW not in html


@pytest.mark.django_db
def test_a_sheet_pdf_gets_the_same_no_break_spaces_as_its_page(rf, home_page):
    from guides.printing import sheet_context
    from portal.pdf import render_template
    from tests.guides.factories import GuideIndexPageFactory, ProcedureSheetPageFactory, TopicPageFactory

    topic = TopicPageFactory(parent=GuideIndexPageFactory(parent=home_page))
    sheet = ProcedureSheetPageFactory(parent=topic, title="Qui peut m'aider ?")
    request = rf.get(sheet.url)
    context = {"printed": sheet_context(sheet, request, anchor_prefix="mot-"), "page": sheet}
    text = laid_out_text(render_template("guides/pdf/sheet.html", context, request))
    assert f"Qui peut m'aider{NARROW}?" in text
    assert f"Pour qui{NARROW}?" in text
    assert f"Cette fiche sur internet{NBSP}: http://testserver{sheet.url}" in text
