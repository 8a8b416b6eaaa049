"""Small checks on rendered HTML that several apps' tests share."""

import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def has_inline_script(html):
    """True when a <script> carries code in the page itself (the CSP refuses it)."""
    return INLINE_SCRIPT.search(html) is not None


def french(html):
    """``html`` as pages show it: with the no-break spaces of French typography (portal/typography.py)."""
    from portal.typography import french_spacing

    return french_spacing(html)
