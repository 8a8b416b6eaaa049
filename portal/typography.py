"""French typography on every public page and PDF: no line starts with "?", "!", ":", ";" or "»".

French puts a space before ? ! : ; and inside « »; where a line is full the browser may break
at that space and start the next line with the sign. ``french_spacing`` makes those spaces
no-break ones — narrow (U+202F) before ? ! ; and after «, before », a normal no-break space
(U+00A0) before : — and adds the narrow one where a sentence ends with "?" or "!" glued to
its word ("Quoi?").

It works on a whole HTML document, in its text only: tags and their attributes, comments and
the content of script, style, pre, code, kbd, samp and textarea are left as they are, so no
URL, attribute, time ("10:00") or code changes; a sign glued to what follows ("https://",
"?q=", "10:00") is never touched. It is applied to every HTML response of the public site
(``FrenchTypographyMiddleware``, before the page cache keeps it) and to the HTML of every PDF;
never to the calendars, CSV or JSON.
"""

import re

from django.conf import settings

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

# What is not text: a comment, an element whose content is code or typed by the reader, a tag.
_NOT_TEXT = re.compile(
    r"<!--.*?-->|<(script|style|pre|code|kbd|samp|textarea)\b.*?</\1\s*>|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_SPACES = "[ \t\r\n\u00a0\u202f]"
# A sign after a space (kept) or glued to a word (only ? and !), then a space, a closing sign or the end.
_BEFORE_SIGN = re.compile(rf"(?:{_SPACES}+|(?<=[\w)»\"’]))([?!;:])(?=[\s)»\"’.,?!]|$)")
_BEFORE_CLOSING_QUOTE = re.compile(rf"{_SPACES}+»")
_AFTER_OPENING_QUOTE = re.compile(rf"«{_SPACES}+")


def _space_before(match):
    sign = match.group(1)
    spaced = match.group(0) != sign
    if not spaced and sign in ";:":
        return sign  # "&amp; ", "mailto:": a glued ; or : may be code, an entity or an address: left alone
    return (NBSP if sign == ":" else NARROW_NBSP) + sign


def french_text(text):
    """The same text with French no-break spaces (plain text, not HTML)."""
    if not any(sign in text for sign in "?!:;«»"):
        return text
    text = _BEFORE_SIGN.sub(_space_before, text)
    text = _BEFORE_CLOSING_QUOTE.sub(NBSP + "»", text)
    return _AFTER_OPENING_QUOTE.sub("«" + NBSP, text)


def french_spacing(html):
    """The same HTML document with French no-break spaces in its text only."""
    parts = []
    position = 0
    for match in _NOT_TEXT.finditer(html):
        parts.append(french_text(html[position : match.start()]))
        parts.append(match.group(0))
        position = match.end()
    parts.append(french_text(html[position:]))
    return "".join(parts)


class FrenchTypographyMiddleware:
    """Apply ``french_spacing`` to the public site's HTML pages (not the admin, not other formats)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
            and not response.has_header("Content-Encoding")
            and not request.path.startswith(tuple(settings.TYPOGRAPHY_EXCLUDED_PREFIXES))
        ):
            charset = response.charset
            response.content = french_spacing(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
