"""The end of a structure's page address: "France services de la sous-préfecture de Provins" →
"sous-prefecture-de-provins", made once from the name, never one of the directory page's own paths.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

RESERVED_SLUGS = {"recherche", "commune", "guide", "donnees-ouvertes"}


def base_slug(name):
    """A readable slug: "France services de la sous-préfecture de Provins" → "sous-prefecture-de-provins"."""
    text = re.sub(r"(?i)\bfrance[\s-]+services\b", " ", name)
    text = re.sub(r"(?i)^\W*(de la|de l'|de l’|du|des|de|d'|d’)\s*", "", text.strip())
    slug = slugify(text)[:70].strip("-") or "france-services"
    return f"{slug}-fs" if slug in RESERVED_SLUGS else slug


def unique_slug(name, taken):
    """A slug for ``name`` that is not in ``taken`` (a set of slugs), with -2, -3… when needed."""
    slug = base = base_slug(name)
    number = 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def validate_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("« %(slug)s » est réservé par l'annuaire : choisissez un autre mot."), params={"slug": value}
        )
