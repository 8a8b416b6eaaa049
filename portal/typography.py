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
_RAW_ELEMENTS = ("script", "style", "pre", "code", "kbd", "samp", "textarea")
_NOT_TEXT = re.compile(
    "(<!--.*?-->|" + "".join(rf"<{name}\b.*?</{name}\s*>|" for name in _RAW_ELEMENTS) + "<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_SIGN = re.compile("[?!:;«»]")
_SPACE_CHARS = " \t\r\n\u00a0\u202f"
_SPACES = f"[{_SPACE_CHARS}]"
# A sign followed by a space, a closing sign or the end: where French wants a space before it.
_SIGN_AT_END_OF_WORD = re.compile(r"[?!;:](?=[\s)»\"’.,?!]|$)")
_GLUE = ')»"’_'
_BEFORE_CLOSING_QUOTE = re.compile(f"{_SPACES}+»")
_AFTER_OPENING_QUOTE = re.compile(f"«{_SPACES}+")


def _spaced_signs(text):
    """Spaces before ? ! : ; become no-break ones; a ? or ! glued to its word gets one."""
    out = []
    done = 0
    for match in _SIGN_AT_END_OF_WORD.finditer(text):
        sign, position = match.group(), match.start()
        start = position
        while start > done and text[start - 1] in _SPACE_CHARS:
            start -= 1
        before = text[position - 1] if position else ""
        glued = (
            start == position and sign in "?!" and (before.isalnum() or (before != "" and before in _GLUE))
        )
        # A glued ; or : may be code, an entity ("&amp; ") or an address ("mailto:"): left alone.
        if start < position or glued:
            out += [text[done:start], NBSP if sign == ":" else NARROW_NBSP, sign]
        else:
            out += [text[done:position], sign]
        done = position + 1
    out.append(text[done:])
    return "".join(out)


def french_text(text):
    """The same text with French no-break spaces (plain text, not HTML)."""
    text = _spaced_signs(text)
    text = _BEFORE_CLOSING_QUOTE.sub(NBSP + "»", text)
    return _AFTER_OPENING_QUOTE.sub("«" + NBSP, text)


def french_spacing(html):
    """The same HTML document with French no-break spaces in its text only."""
    # split() keeps what is not text at the odd places: only the text, at the even ones, changes.
    parts = _NOT_TEXT.split(html)
    for index in range(0, len(parts), 2):
        if _SIGN.search(parts[index]):
            parts[index] = french_text(parts[index])
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
