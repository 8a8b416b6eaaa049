"""Reading one DILA sheet: the stored fields say what the XML says, and a hostile file is refused."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from servicepublic.demo import DEMO_XML
from servicepublic.parser import MAX_SHEET_BYTES, NotASheet, SheetRejected, parse_sheet
from servicepublic.schema import DC, KNOWN_ELEMENTS
from tests.servicepublic.conftest import SHARED_IDS, sheet_bytes

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Publication xmlns:dc="http://purl.org/dc/elements/1.1/" ID="F99999" type="Fiche d\'information">\n'
)


def small_sheet(body="", header=HEADER):
    return (header + "<dc:title>Une démarche</dc:title>\n" + body + "</Publication>\n").encode()


def rejected(data):
    with pytest.raises(SheetRejected) as error:
        parse_sheet(data)
    return error.value


def iso_date(text):
    match = re.findall(r"\d{4}-\d{2}-\d{2}", text or "")
    return datetime.date.fromisoformat(match[-1]) if match else None


@pytest.mark.parametrize("identifier", SHARED_IDS)
def test_each_shared_sheet_reads_as_its_xml_says(identifier):
    root = ET.fromstring(sheet_bytes(identifier))  # noqa: S314 - the project's own files, as a second reader
    values = parse_sheet(sheet_bytes(identifier)).values
    theme, dossier = root.find("Theme"), root.find("DossierPere")
    assert values["title"] == root.findtext(DC + "title")
    assert values["publication_type"] == root.get("type")
    assert values["source_url"] == root.get("spUrl")
    assert values["changed_on"] == iso_date(root.get("dateDerniereModificationImportante"))
    assert values["modified_on"] == iso_date(root.findtext(DC + "date"))
    assert values["theme"] == theme.findtext("Titre")
    assert values["theme_code"] == theme.get("ID")
    assert values["dossier"] == (dossier.findtext("Titre") if dossier is not None else "")
    assert values["audience"] == root.findtext("Audience")
    assert values["description"] == re.sub(r"[ \t\r\n]+", " ", root.findtext(DC + "description")).strip(" ")
    assert {place["id"] for place in values["places"]} == {e.get("ID") for e in root.iter("OuSAdresser")}
    assert {s["id"] for s in values["online_services"]} == {e.get("ID") for e in root.iter("ServiceEnLigne")}


def test_the_rsa_sheet_gives_its_dates_theme_dossier_and_where_to_go():
    parsed = parse_sheet(sheet_bytes("F19778"))
    values = parsed.values
    assert parsed.identifier == "F19778"
    assert values["title"] == "RSA demandeur de 25 ans et plus"
    assert values["changed_on"] == datetime.date(2020, 4, 1)
    assert values["modified_on"] == datetime.date(2020, 10, 29)
    assert (values["theme"], values["dossier"], values["dossier_code"]) == (
        "Social - Santé",
        "Revenu de solidarité active (RSA)",
        "N19775",
    )
    assert [place["pivot"] for place in values["places"]] == ["caf", "cg", "mairie", "msa"]
    assert values["places"][0]["title"] == "Caisse d'allocations familiales (Caf)"
    assert parsed.unknown_elements == {}


def test_forms_keep_their_address_and_cerfa_number():
    services = {s["id"]: s for s in parse_sheet(sheet_bytes("N19775")).values["online_services"]}
    assert services["R1350"] == {
        "id": "R1350",
        "type": "Formulaire",
        "title": "Demande de RSA ou de prime d'activité",
        "url": "https://www.formulaires.service-public.fr/gf/cerfa_15481.do",
        "cerfa": "15481*01",
    }


def test_an_online_service_sheet_is_itself_an_online_service_with_its_address():
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<ServiceComplementaire xmlns:dc="http://purl.org/dc/elements/1.1/" ID="R1350" type="Formulaire">'
        b"<dc:title>Demande de RSA</dc:title><NumeroCerfa>15481*01</NumeroCerfa>"
        b'<LienWeb URL="https://www.formulaires.service-public.fr/gf/cerfa_15481.do" format="application/pdf"/>'
        b"</ServiceComplementaire>"
    )
    values = parse_sheet(data).values
    assert values["kind"] == "ServiceComplementaire"
    assert (
        values["online_services"][0]["url"] == "https://www.formulaires.service-public.fr/gf/cerfa_15481.do"
    )
    assert values["online_services"][0]["cerfa"] == "15481*01"


def test_an_unknown_element_is_counted_and_kept_in_the_xml():
    data = small_sheet("<Texte><NouvelleRubrique>Du nouveau</NouvelleRubrique><NouvelleRubrique/></Texte>\n")
    parsed = parse_sheet(data)
    assert parsed.unknown_elements == {"NouvelleRubrique": 2}
    assert "<NouvelleRubrique>Du nouveau</NouvelleRubrique>" in parsed.xml


def test_every_element_of_the_national_inventory_is_known():
    inventory = (DEMO_XML.parent / "STRUCTURE_inventory.txt").read_text(encoding="utf-8")
    names = set(re.findall(r"^  (\S+): \d+; attrs=", inventory, re.MULTILINE))
    assert len(names) == 115
    assert names == set(KNOWN_ELEMENTS)


def test_a_tag_that_does_not_close_is_refused_with_its_line():
    error = rejected(small_sheet("<Texte>\n<Paragraphe>Texte\n</Texte>\n"))
    assert error.line == 6
    assert error.message == "balise fermante qui ne correspond pas"


def test_a_cut_file_is_refused_with_the_line_where_it_stops():
    data = sheet_bytes("F265")
    cut = data[: len(data) // 2]
    error = rejected(cut)
    assert error.line == cut.count(b"\n") + 1


def test_a_nul_byte_is_refused_with_its_line():
    error = rejected(small_sheet("<Texte>\n<Paragraphe>a\x00b</Paragraphe></Texte>\n"))
    assert (error.line, error.message) == (5, "caractère ou balise interdits")


def test_entity_expansion_is_refused_before_anything_grows():
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE Publication [\n<!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(8))
        + ']>\n<Publication ID="F1"><dc:title>&i;</dc:title></Publication>'
    ).encode()
    error = rejected(bomb)
    assert error.line == 2
    assert "DOCTYPE" in error.message


def test_an_external_entity_cannot_read_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mot de passe")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<Publication ID="F1"><dc:title>&x;</dc:title></Publication>'
    ).encode()
    error = rejected(data)
    assert "mot de passe" not in error.message


def test_a_file_over_the_size_limit_is_refused_unparsed():
    data = small_sheet("<Texte>" + " " * MAX_SHEET_BYTES + "</Texte>")
    assert "trop gros" in rejected(data).message


def test_a_sheet_without_its_number_is_refused():
    error = rejected(small_sheet(header=HEADER.replace('ID="F99999"', 'ID="../etc"')))
    assert error.line == 2
    assert "numéro de fiche absent ou incorrect" in error.message


def test_a_menu_of_the_zip_is_not_a_sheet():
    with pytest.raises(NotASheet) as error:
        parse_sheet(b'<?xml version="1.0"?><Arborescence><Item ID="N19811"/></Arborescence>')
    assert error.value.root == "Arborescence"


def test_an_impossible_date_is_left_empty_and_said():
    header = HEADER.replace('type="', 'dateDerniereModificationImportante="2020-02-30T00:00:00" type="')
    parsed = parse_sheet(small_sheet(header=header))
    assert parsed.values["changed_on"] is None
    assert parsed.warnings == [
        "date de changement important impossible (« 2020-02-30T00:00:00 »), laissée vide"
    ]


def test_a_title_too_long_for_the_model_is_cut_and_said():
    parsed = parse_sheet(small_sheet(header=HEADER).replace(b"Une d\xc3\xa9marche", b"x" * 600))
    assert len(parsed.values["title"]) == 500
    assert parsed.warnings == ["titre trop long, coupé à 500 caractères"]


def test_a_latin_1_sheet_is_read_and_stored_as_text():
    data = small_sheet(header=HEADER.replace("UTF-8", "ISO-8859-1")).decode().encode("latin-1")
    parsed = parse_sheet(data)
    assert parsed.values["title"] == "Une démarche"
    assert "Une démarche" in parsed.xml


def test_only_web_addresses_are_kept_as_links():
    body = (
        '<ServiceEnLigne ID="R1" URL="javascript:alert(1)" type="Téléservice"><Titre>Piège</Titre></ServiceEnLigne>'
        '<OuSAdresser ID="R2" type="Local"><Titre>Mairie</Titre><RessourceWeb URL="file:///etc/passwd"/></OuSAdresser>'
    )
    header = HEADER.replace('type="', 'spUrl="javascript:alert(2)" type="')
    parsed = parse_sheet(small_sheet(body, header=header))
    assert parsed.values["online_services"][0]["url"] == ""
    assert parsed.values["places"][0]["url"] == ""
    assert parsed.values["source_url"] == ""
