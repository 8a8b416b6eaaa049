from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def tel_href(number):
    """ "32 30" → "tel:3230": digits and a leading + only."""
    return "tel:" + "".join(char for char in str(number) if char.isdigit() or char == "+")


@register.filter
def domain(url):
    """ "https://www.caf.fr/allocataires" → "www.caf.fr": short enough to read aloud."""
    return urlsplit(str(url)).netloc or url
