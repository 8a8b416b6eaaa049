"""Template filters for what every app prints the same way: hours, dates, file sizes, phone links.

``{% load portal_tags %}``, then ``{{ session.start_time|hour }}`` → "9 h 30",
``{% time_range start end %}`` → "de 9 h à 12 h", ``{{ day|long_date }}`` → "vendredi 1er janvier 2027",
``{{ day|long_date:"weekday day month" }}`` → "vendredi 1er janvier", ``{{ day|long_date:"day month year" }}``
→ "1er janvier 2027", ``{{ size|file_size }}`` → "42 Ko", ``{{ phone|tel_href }}`` → "tel:0164…". See ``portal/formats.py``.
"""

from django import template

from portal import formats

register = template.Library()


@register.filter
def hour(value):
    return formats.hour(value) if value else ""


@register.simple_tag
def time_range(start, end):
    return formats.time_range(start, end)


@register.filter
def long_date(value, parts="weekday day month year"):
    """The date with the parts asked for: the weekday and the year can be left out."""
    if not value:
        return ""
    parts = parts.split()
    return formats.long_date(value, weekday="weekday" in parts, year="year" in parts)


@register.filter
def file_size(value):
    return formats.file_size(value) if value is not None else ""


@register.filter
def tel_href(number):
    """ "32 30" → "tel:3230": digits and a leading + only."""
    return "tel:" + "".join(char for char in str(number) if char.isdigit() or char == "+")
