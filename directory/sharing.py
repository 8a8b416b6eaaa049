"""A structure's address and hours as a short message, sent by the phone's own SMS or e-mail app.

The "Partager" links are ``sms:`` and ``mailto:`` addresses with the message already written in
them: the phone opens its app, the person chooses to whom. No server is involved, nothing is
stored or logged (RFC 5724 for ``sms:``, RFC 6068 for ``mailto:``: line breaks as CRLF).
"""

from urllib.parse import quote

from django.utils.translation import gettext as _

from portal.formats import hours_ranges


def share_text(structure, url):
    """The message: name, address, phone, hours day by day, how to be received, the page's address."""
    lines = [structure.name]
    address = ", ".join(
        part
        for part in (
            structure.address,
            structure.address_complement,
            f"{structure.postcode} {structure.commune_name}".strip(),
        )
        if part
    )
    if address:
        lines.append(address)
    if structure.phone:
        lines.append(_("Tél. %(phone)s") % {"phone": structure.phone})
    if structure.is_invitation_only:
        lines.append(_("Sur invitation de votre CPIP."))
        lines += [str(stop) for stop in structure.stops.all()]
    else:
        open_days = [(day, ranges) for day, ranges in structure.schedule.week_ranges() if ranges]
        if open_days:
            lines.append(_("Horaires :"))
            lines += [f"{str(day).capitalize()} : {hours_ranges(ranges)}" for day, ranges in open_days]
        if structure.appointment_required:
            lines.append(_("Sur rendez-vous."))
        elif structure.appointment_required is False:
            lines.append(_("Sans rendez-vous."))
    lines.append(url)
    return "\n".join(lines)


def _encoded(text):
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def sms_href(text):
    """``sms:?&body=…``: the form both Android and iOS read (no recipient, the person chooses)."""
    return f"sms:?&body={_encoded(text)}"


def mailto_href(subject, text):
    return f"mailto:?subject={_encoded(subject)}&body={_encoded(text)}"


def share_links(structure, url):
    """{"sms": href, "email": href} for the structure's page at ``url``."""
    text = share_text(structure, url)
    return {"sms": sms_href(text), "email": mailto_href(structure.name, text)}
