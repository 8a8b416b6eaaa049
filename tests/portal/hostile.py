"""What the no-server-error property test sends, and where: every URL pattern and form of the site.

- ``targets()`` lists the URL patterns of the resolver (outside the Wagtail and Django admins,
  which are the editors' tools) and the routes of each routable page type, from the page tree:
  a new URL or a new page type is covered without touching the test.
- ``FormFinder`` reads the forms (and links) of a page, so that each field gets hostile values.
- ``value()`` draws one hostile value: very long, NUL, invalid UTF-8 escapes, huge and negative
  numbers, impossible dates and hours, full-text search operators, HTML, or plain random text.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, quote_plus, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from hypothesis import strategies as st

EXCLUDED_PREFIXES = ("admin/", "django-admin/")
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

NASTY_TEXT = [
    "",
    " ",
    "x" * 5_000,
    "é" * 2_000,
    "\x00",
    "a\x00b",
    "x" * 300 + "\x00",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE agenda_booking; --",
    "99999999999999999999999999",
    "-99999999999999999999",
    "-1",
    "0",
    "1e308",
    "NaN",
    "9" * 400,
    "2026-02-30",
    "31/02/2026",
    "0000-00-00",
    "29/02/2027",
    "99999-12-31",
    "25:99",
    "24:00",
    "-1:00",
    '"',
    '"unterminated',
    'a" OR "b',
    "*",
    "AND OR NOT",
    "NEAR(rsa caf)",
    "rsa:*",
    "!rsa & caf | (",
    "rsa <-> caf",
    "title:rsa^3",
    "%",
    "%s%n",
    "{0}{{x}}",
    "../../etc/passwd",
    "\r\nSet-Cookie: a=b",
    "\u202emoc.live",
    "😀",
    "Zébulonnette Quistrebert",
]
# Sent as they are, not percent-encoded: bytes that are not UTF-8, broken escapes.
RAW_ESCAPES = ["%FF", "%FF%FE", "%C0%AF", "%ED%A0%80", "%E2%82", "%", "%zz", "%00", "a%00b", "%FF%FE%00"]


@dataclass(frozen=True)
class Raw:
    """A fragment already encoded for an address: sent as it is."""

    text: str


def value():
    """One hostile value: text to encode, or a Raw escape; three times in four from the lists above."""
    listed = st.sampled_from([*NASTY_TEXT, *map(Raw, RAW_ESCAPES)])
    return st.one_of(
        listed,
        listed,
        listed,
        st.one_of(st.text(max_size=40), st.integers(min_value=-(10**30), max_value=10**30).map(str)),
    )


def in_path(fragment):
    return fragment.text if isinstance(fragment, Raw) else quote(fragment, safe="")


def in_query(fragment):
    return fragment.text if isinstance(fragment, Raw) else quote_plus(fragment)


def query_string(pairs):
    return "&".join(f"{in_query(name)}={in_query(text)}" for name, text in pairs)


@dataclass
class Target:
    """One URL pattern: literal text and parameters (name, regex), in order."""

    label: str
    pieces: list

    @property
    def regex(self):
        return re.compile(
            "".join(
                re.escape(piece) if isinstance(piece, str) else f"(?P<{piece[0]}>{piece[1]})"
                for piece in self.pieces
            )
        )

    @property
    def parameters(self):
        return [piece for piece in self.pieces if not isinstance(piece, str)]

    def url(self, values):
        """The address with ``values`` ({parameter: text or Raw}) in place of the parameters."""
        return "".join(
            piece if isinstance(piece, str) else in_path(values[piece[0]]) for piece in self.pieces
        )


def _pieces(pattern, number):
    """The pieces of one resolver or route pattern; ``number`` names a regex pattern's parameter."""
    if not isinstance(pattern, RoutePattern):  # a regex: the whole of it is one parameter
        regex = pattern.regex.pattern.lstrip("^").rstrip("$")
        return [(f"regex{number}", regex)] if regex else []
    route, pieces, start = str(pattern), [], 0
    for match in ROUTE_PARAMETER.finditer(route):
        pieces.append(route[start : match.start()])
        pieces.append((match["name"], pattern.converters[match["name"]].regex))
        start = match.end()
    return [*pieces, route[start:]]


def _walk(patterns, pieces=()):
    for pattern in patterns:
        if not pieces and str(pattern.pattern).startswith(EXCLUDED_PREFIXES):
            continue
        here = (*pieces, *_pieces(pattern.pattern, len(pieces)))
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, here)
        elif isinstance(pattern, URLPattern):
            yield here


def targets():
    """Every public and staff URL pattern, and every route of each routable page type."""
    found = []
    for pieces in _walk(get_resolver().url_patterns):
        flat = ["/"] + [piece for piece in pieces if piece != ""]
        label = "".join(piece if isinstance(piece, str) else f"<{piece[0]}>" for piece in flat)
        found.append(Target(label, flat))
    seen = set()
    for page in Page.objects.live().specific().order_by("path"):
        if isinstance(page, RoutablePageMixin) and type(page) not in seen:
            seen.add(type(page))
            for route in page.get_subpage_urls():
                pieces = [page.url, *(piece for piece in _pieces(route.pattern, 0) if piece != "")]
                label = f"{type(page).__name__}:" + "".join(
                    p if isinstance(p, str) else f"<{p[0]}>" for p in pieces
                )
                found.append(Target(label, pieces))
    return {target.label: target for target in found}


@dataclass
class Form:
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name: [values the page offers]


class FormFinder(HTMLParser):
    """The forms of a page, with their fields and the values offered, and the page's links."""

    def __init__(self, page_url):
        super().__init__()
        self.page_url = page_url
        self.forms, self.links = [], set()
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "action", "value"):  # links, form addresses, addresses shown to copy
            address = urlsplit(attrs.get(name) or "")
            if address.path.startswith("/") and address.netloc in ("", "testserver"):
                self.links.add(address.path)
        if tag == "form":
            action = attrs.get("action") or self.page_url
            self.forms.append(
                Form(urlsplit(action).path or self.page_url, attrs.get("method", "get").lower())
            )
        elif self.forms and tag in ("input", "textarea", "select", "button") and attrs.get("name"):
            offered = self.forms[-1].fields.setdefault(attrs["name"], [])
            if attrs.get("value"):
                offered.append(attrs["value"])
            self._select = offered if tag == "select" else None
        elif tag == "option" and self._select is not None and attrs.get("value"):
            self._select.append(attrs["value"])
