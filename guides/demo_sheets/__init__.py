"""The demo's easy-to-read sheets beyond the first ones of ``guides/demo.py``, one module a topic.

Each module has ``sheets(p, i)``: ``p`` the partners by slug, ``i`` the pictogram image ids
by name; it returns ``{topic slug: [sheet spec, …]}``. A spec may carry ``notes``: what an
editor must know before relying on the sheet (a fact left out because it was not sure, an
amount that changes). ``exit`` builds the "Sortir de détention" sheet once the sheets it
links to exist.
"""

from . import argent, energie, impots, justice, logement, papiers, retraite, sante, travail

MODULES = [argent, travail, sante, papiers, logement, energie, impots, retraite, justice]


def sheets(p, i):
    """Every topic's extra sheets, in the order of ``MODULES``."""
    found = {}
    for module in MODULES:
        for topic, specs in module.sheets(p, i).items():
            found.setdefault(topic, []).extend(specs)
    return found
