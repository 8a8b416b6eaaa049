from django import template

from home.staff import is_staff_member

register = template.Library()


@register.filter
def staff_member(user):
    """True for a signed-in CPIP or editor: the header then leads to the staff area."""
    return is_staff_member(user)
