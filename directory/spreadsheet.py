"""Cells a spreadsheet would run as a formula ("CSV injection", OWASP).

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
spreadsheets as a formula, which can run commands (``=cmd|' /C calc'!A0``). The import
warns about such cells and keeps them; the open-data CSV writes them after a single quote
(OWASP's rule), so that a spreadsheet shows them as text; the JSON keeps them exactly.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def is_formula(value):
    return value.startswith(FORMULA_STARTS)


def neutralise(value):
    """The cell as the CSV writes it: after a single quote when a spreadsheet would run it."""
    return QUOTE + value if is_formula(value) else value


def unquote(value):
    """A cell of our own CSV read back: without the quote that ``neutralise`` added."""
    return value[1:] if value.startswith(QUOTE) and is_formula(value[1:]) else value
