from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def domain(url):
    """ "https://www.caf.fr/allocataires" → "www.caf.fr": short enough to read aloud."""
    return urlsplit(str(url)).netloc or url
