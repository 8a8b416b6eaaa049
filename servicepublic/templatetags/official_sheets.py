"""``{% where_to_go sheet %}``: the "Où aller ?" box of an easy-to-read sheet (templates/guides/includes/sheet.html)."""

from django import template
from django.urls import reverse

from ..where import where_to_go as sheet_places

register = template.Library()


@register.inclusion_tag("servicepublic/includes/where_to_go.html")
def where_to_go(sheet, anchor_prefix=""):
    places = sheet_places(sheet) if sheet.pk else None
    return {
        "places": places,
        "prefix": anchor_prefix,
        "url": reverse("servicepublic_where_to_go", args=[sheet.pk]) if places and places.shown else "",
    }
