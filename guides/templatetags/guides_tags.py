from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def domain(url):
    """ "https://www.caf.fr/allocataires" → "www.caf.fr": short enough to read aloud."""
    return urlsplit(str(url)).netloc or url


@register.filter
def is_home_page(url):
    """True for "https://www.caf.fr" or "https://www.caf.fr/": its domain says all of it, in print too."""
    parts = urlsplit(str(url))
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query and not parts.fragment
