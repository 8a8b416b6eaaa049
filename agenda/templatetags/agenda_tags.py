from django import template

from agenda import formats

register = template.Library()


@register.filter
def hour(value):
    """9:30 → "9 h 30"."""
    return formats.hour(value) if value else ""


@register.filter
def long_date(value, with_year=True):
    """A date → "mardi 1er décembre 2026"; ``|long_date:False`` leaves out the year."""
    return formats.long_date(value, with_year=with_year) if value else ""


@register.simple_tag
def time_range(start, end):
    return formats.time_range(start, end)
