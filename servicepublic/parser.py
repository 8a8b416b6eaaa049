"""Read one DILA "Vos droits et démarches" XML sheet, safely, into the values the model stores.

The XML comes from outside: it is parsed with ``defusedxml`` and no DTD is accepted at all, so
a hostile file can neither read local files or the network (external entities) nor explode in
memory (entity expansion); a file larger than ``MAX_SHEET_BYTES`` is refused before parsing.
A file that is not well-formed raises ``SheetRejected`` with its line; a file whose root is not
a sheet (the zip also holds menus and lexicons) raises ``NotASheet``.
"""

import datetime
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import errors as expat_errors

from django.utils.translation import gettext as _

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .schema import DC, KNOWN_ELEMENTS, ROOT_ELEMENTS, element_name

# The largest real sheet is a few hundred kilobytes; nothing legitimate comes near this.
MAX_SHEET_BYTES = 5 * 1024 * 1024
IDENTIFIER = re.compile(r"[A-Z]{1,3}[0-9]{1,8}")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]{1,40})[\"']")
PLACE_ELEMENTS = ("OuSAdresser", "OuSAdresserSupport")
SPACES = re.compile(r"[ \t\r\n]+")

# Lengths of the model's fields (servicepublic.models.OfficialSheet).
MAX_LENGTHS = {
    "publication_type": 100,
    "title": 500,
    "audience": 200,
    "theme": 200,
    "theme_code": 20,
    "dossier": 300,
    "dossier_code": 20,
    "source_url": 500,
}
FIELD_LABELS = {
    "publication_type": "type",
    "title": "titre",
    "audience": "public",
    "theme": "thème",
    "theme_code": "numéro du thème",
    "dossier": "dossier",
    "dossier_code": "numéro du dossier",
    "source_url": "adresse (spUrl)",
}


def _expat_messages():
    return {
        expat_errors.codes[expat_errors.XML_ERROR_SYNTAX]: _("syntaxe XML incorrecte"),
        expat_errors.codes[expat_errors.XML_ERROR_NO_ELEMENTS]: _("fichier vide ou coupé"),
        expat_errors.codes[expat_errors.XML_ERROR_INVALID_TOKEN]: _("caractère ou balise interdits"),
        expat_errors.codes[expat_errors.XML_ERROR_UNCLOSED_TOKEN]: _("balise pas fermée"),
        expat_errors.codes[expat_errors.XML_ERROR_PARTIAL_CHAR]: _("caractère coupé"),
        expat_errors.codes[expat_errors.XML_ERROR_TAG_MISMATCH]: _("balise fermante qui ne correspond pas"),
        expat_errors.codes[expat_errors.XML_ERROR_DUPLICATE_ATTRIBUTE]: _("attribut en double"),
        expat_errors.codes[expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT]: _(
            "texte après la fin du document"
        ),
        expat_errors.codes[expat_errors.XML_ERROR_UNDEFINED_ENTITY]: _("entité inconnue"),
        expat_errors.codes[expat_errors.XML_ERROR_UNKNOWN_ENCODING]: _("encodage inconnu"),
        expat_errors.codes[expat_errors.XML_ERROR_INCORRECT_ENCODING]: _("encodage annoncé incorrect"),
    }


class SheetRejected(Exception):
    """The file is not a readable sheet; ``line`` says where, when known."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.message = message
        self.line = line


class NotASheet(Exception):
    """Well-formed XML whose root is not a sheet (a menu, a lexicon): skipped, not an error."""

    def __init__(self, root):
        super().__init__(root)
        self.root = root


@dataclass
class ParsedSheet:
    """What the model stores of one sheet, and what the import says about it."""

    identifier: str
    values: dict
    xml: str
    content_hash: str
    unknown_elements: Counter
    warnings: list = field(default_factory=list)


def text_of(element):
    """An element's text with every nested element's, spaces and line breaks collapsed ("" for None).

    Non-breaking spaces stay: French puts them before ":" and inside amounts ("150 €")."""
    return SPACES.sub(" ", "".join(element.itertext())).strip(" ") if element is not None else ""


def web_address(value):
    """``value`` if it is an http(s) address, else "": a link in the admin or on a page is never
    ``javascript:`` or ``file:``, whatever the XML says."""
    value = (value or "").strip()
    return value if value.startswith(("https://", "http://")) else ""


def _line_of(data, needle):
    index = data.find(needle)
    return data.count(b"\n", 0, index) + 1 if index >= 0 else None


def _decode(data):
    match = DECLARED_ENCODING.match(data)
    encoding = match[1].decode("ascii") if match else "utf-8"
    try:
        return data.decode("utf-8-sig" if encoding.lower() in ("utf-8", "utf8") else encoding)
    except (LookupError, UnicodeDecodeError):
        raise SheetRejected(
            _("encodage annoncé incorrect ou inconnu (%(encoding)s)") % {"encoding": encoding}
        ) from None


def parse_root(data):
    """The root element of ``data`` (bytes), parsed safely. Raises ``SheetRejected``."""
    if len(data) > MAX_SHEET_BYTES:
        raise SheetRejected(
            _("fichier trop gros (%(size)s octets, %(max)s au plus)")
            % {"size": len(data), "max": MAX_SHEET_BYTES}
        )
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except ParseError as error:
        message = _expat_messages().get(error.code, _("XML mal formé"))
        line = error.position[0] if error.position else None
        raise SheetRejected(message, line) from None
    except DefusedXmlException:
        raise SheetRejected(
            _("déclaration DOCTYPE ou entités refusées (une fiche officielle n'en a pas)"),
            _line_of(data, b"<!DOCTYPE"),
        ) from None


def _date(value, label, warnings):
    matches = ISO_DATE.findall(value or "")
    if not matches:
        if value and value.strip():
            warnings.append(
                _("%(label)s illisible (« %(value)s »), laissée vide") % {"label": label, "value": value[:40]}
            )
        return None
    year, month, day = matches[-1]  # "created 2003-01-01 modified 2019-08-28": the last one
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        warnings.append(
            _("%(label)s impossible (« %(value)s »), laissée vide") % {"label": label, "value": value[:40]}
        )
        return None


def _places(root):
    """Every "où s'adresser" of the sheet, once each: where to go, and its PivotLocal type."""
    places, seen = [], set()
    for element in (element for element in root.iter() if element.tag in PLACE_ELEMENTS):
        web = element.find("RessourceWeb")
        place = {
            "id": element.get("ID", ""),
            "type": element.get("type", ""),
            "title": text_of(element.find("Titre")),
            "pivot": text_of(element.find("PivotLocal")),
            "complement": text_of(element.find("Complement")),
            "url": web_address(web.get("URL")) if web is not None else "",
        }
        key = (place["id"], place["pivot"], place["complement"])
        if key not in seen:
            seen.add(key)
            places.append(place)
    return places


def _online_services(root, identifier, publication_type, title):
    """The online services and forms the sheet offers, with their addresses, once each."""
    services, seen = [], set()
    if root.tag == "ServiceComplementaire":
        web = root.find("LienWeb")
        services.append(
            {
                "id": identifier,
                "type": publication_type,
                "title": title,
                "url": web_address(web.get("URL")) if web is not None else "",
                "cerfa": text_of(root.find("NumeroCerfa")),
            }
        )
        seen.add(identifier)
    for element in root.iter("ServiceEnLigne"):
        service_id = element.get("ID", "")
        if service_id in seen:
            continue
        seen.add(service_id)
        services.append(
            {
                "id": service_id,
                "type": element.get("type", ""),
                "title": text_of(element.find("Titre")),
                "url": web_address(element.get("URL")),
                "cerfa": element.get("numerocerfa", ""),
            }
        )
    return services


def _introduction(root):
    introduction = root.find("Introduction")
    if introduction is None:
        return ""
    paragraphs = [text_of(paragraph) for paragraph in introduction.iter("Paragraphe")]
    return "\n\n".join(p for p in paragraphs if p) or text_of(introduction)


def _fit(values, warnings):
    if len(values["source_url"]) > MAX_LENGTHS["source_url"]:
        warnings.append(_("adresse (spUrl) trop longue, laissée vide"))
        values["source_url"] = ""
    for name, limit in MAX_LENGTHS.items():
        if len(values[name]) > limit:
            warnings.append(
                _("%(label)s trop long, coupé à %(n)s caractères") % {"label": FIELD_LABELS[name], "n": limit}
            )
            values[name] = values[name][: limit - 1] + "…"
    if values["source_url"] and not web_address(values["source_url"]):
        warnings.append(_("adresse (spUrl) qui n'est pas une adresse internet, laissée vide"))
        values["source_url"] = ""


def parse_sheet(data):
    """Parse one sheet (bytes) into a ``ParsedSheet``. Raises ``SheetRejected`` or ``NotASheet``."""
    root = parse_root(data)
    if root.tag not in ROOT_ELEMENTS:
        raise NotASheet(element_name(root.tag))
    identifier = (root.get("ID") or "").strip()
    if not IDENTIFIER.fullmatch(identifier):
        raise SheetRejected(
            _("numéro de fiche absent ou incorrect (attribut ID « %(id)s »)") % {"id": identifier[:40]},
            _line_of(data, b"<" + root.tag.encode()),
        )
    xml = _decode(data)
    warnings = []
    title = text_of(root.find(DC + "title"))
    if not title:
        warnings.append(_("titre absent : le numéro sert de titre"))
        title = identifier
    theme = root.find("Theme")
    dossier = root.find("DossierPere")
    publication_type = root.get("type", "")
    values = {
        "kind": root.tag,
        "publication_type": publication_type,
        "title": title,
        "audience": ", ".join(text_of(a) for a in root.findall("Audience") if text_of(a)),
        "theme": text_of(theme.find("Titre")) if theme is not None else text_of(root.find(DC + "subject")),
        "theme_code": theme.get("ID", "") if theme is not None else "",
        "dossier": text_of(dossier.find("Titre")) if dossier is not None else "",
        "dossier_code": dossier.get("ID", "") if dossier is not None else "",
        "changed_on": _date(
            root.get("dateDerniereModificationImportante"), _("date de changement important"), warnings
        ),
        "modified_on": _date(text_of(root.find(DC + "date")), _("date de mise à jour (dc:date)"), warnings),
        "source_url": (root.get("spUrl") or "").strip(),
        "description": text_of(root.find(DC + "description")),
        "introduction": _introduction(root),
        "places": _places(root),
        "online_services": _online_services(root, identifier, publication_type, title),
    }
    _fit(values, warnings)
    unknown = Counter(
        name for name in (element_name(element.tag) for element in root.iter()) if name not in KNOWN_ELEMENTS
    )
    return ParsedSheet(
        identifier=identifier,
        values=values,
        xml=xml,
        content_hash=hashlib.sha256(data).hexdigest(),
        unknown_elements=unknown,
        warnings=warnings,
    )
