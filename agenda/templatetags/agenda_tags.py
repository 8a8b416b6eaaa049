from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from portal.formats import hour

register = template.Library()


@register.simple_tag
def slot_list(slots, sees_all=False):
    """The slots of a session as a list: free, past, booked (by whom, for editors), or yours.

    A tag rather than a template loop: the month view draws about a thousand of them.
    Every value is escaped before it goes into the markup.
    """
    labels = {state: escape(label) for state, label in _SLOT_LABELS.items()}
    items = []
    for slot in slots:
        detail = labels[slot.state]
        if slot.state == "mine":
            url = reverse("agenda:booking", args=[slot.booking.pk])
            detail = f'<a href="{escape(url)}">{detail}</a> ({escape(slot.booking.subject_label)})'
        elif slot.state == "booked" and sees_all:
            detail = f"{detail} : {escape(slot.booking.cpip_name)} ({escape(slot.booking.subject_label)})"
        items.append(
            f'<li class="is-{slot.state}"><span class="agenda-slot-time">{hour(slot.time)}</span> {detail}</li>'
        )
    return mark_safe(f'<ul class="agenda-slots">{"".join(items)}</ul>')  # noqa: S308 - every value escaped above


_SLOT_LABELS = {
    "free": _("libre"),
    "past": _("passé"),
    "booked": _("pris"),
    "mine": _("votre rendez-vous"),
}
