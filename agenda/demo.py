"""Demo content for the calendar: the three SPIP units, their regular sessions, the public page, a CPIP account.

The units' street addresses and phone numbers are not in any source we have:
they stay empty, and the pages tell people to ask their CPIP. Editors fill them in.
"""

import os
import secrets
from datetime import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.models import Site

from dateutil.relativedelta import relativedelta

from home.demo import upsert_page
from home.groups import CPIP
from home.models import HomePage, SiteSettings

from .models import AgendaPage, ProbationUnit, Session, SessionRule
from .recurrence import sync_sessions

DEMO_CPIP_USERNAME = "cpip-demo"

UNITS = [
    {
        "slug": "fontainebleau",
        "name": "SPIP – Fontainebleau",
        "postcode": "77300",
        "commune": "Fontainebleau",
    },
    {"slug": "la-rochette", "name": "SPIP – La Rochette", "postcode": "77000", "commune": "La Rochette"},
    {"slug": "meaux", "name": "SPIP – Meaux", "postcode": "77100", "commune": "Meaux"},
]

# Demo schedules: one weekly rule, two "nth weekday of the month" rules.
RULES = {
    "meaux": {"weekdays": [1], "positions": [], "start_time": time(9), "end_time": time(12)},
    "fontainebleau": {"weekdays": [3], "positions": [2, 4], "start_time": time(14), "end_time": time(17)},
    "la-rochette": {"weekdays": [2], "positions": [1, 3], "start_time": time(9), "end_time": time(12)},
}

INTRO = (
    "<p>France services vient dans les trois unités du SPIP de Seine-et-Marne : Fontainebleau, La Rochette et Meaux.</p>"
    "<p>Un conseiller vous aide pour vos démarches : CAF, santé, papiers, emploi, impôts, retraite.</p>"
)


def _upsert(model, lookup, fields):
    """update_or_create that does not save when nothing changed."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **fields)
    elif all(getattr(instance, name) == value for name, value in fields.items()):
        return instance
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance


def _demo_cpip(stdout):
    User = get_user_model()
    group = Group.objects.get(name=CPIP)
    user = User.objects.filter(username=DEMO_CPIP_USERNAME).first()
    if user is not None:
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        stdout.write(
            f"Compte CPIP de démonstration : « {DEMO_CPIP_USERNAME} » existe déjà. "
            f"Pour changer son mot de passe : python manage.py changepassword {DEMO_CPIP_USERNAME}"
        )
        return
    password = os.environ.get("DEMO_CPIP_PASSWORD") or secrets.token_urlsafe(12)
    user = User.objects.create_user(
        DEMO_CPIP_USERNAME, password=password, first_name="CPIP", last_name="de démonstration"
    )
    user.groups.add(group)
    if os.environ.get("DEMO_CPIP_PASSWORD"):
        stdout.write(
            f"Compte CPIP de démonstration créé : identifiant « {DEMO_CPIP_USERNAME} », "
            "mot de passe de DEMO_CPIP_PASSWORD. Connexion : /connexion/"
        )
    else:
        stdout.write(
            f"Compte CPIP de démonstration créé : identifiant « {DEMO_CPIP_USERNAME} », "
            f"mot de passe (affiché une seule fois) : {password}  Connexion : /connexion/"
        )


def _link_directory_stops(page):
    """Point the SPIP itinerant France services' stops (directory demo) at the units' calendars."""
    from directory.demo import SPIP_STRUCTURE_SLUG
    from directory.models import Stop

    for unit in ProbationUnit.objects.all():
        url = page.url + page.reverse_subpage("unit", args=[unit.slug])
        stops = Stop.objects.filter(structure__slug=SPIP_STRUCTURE_SLUG, commune__name=unit.commune)
        for stop in stops.exclude(calendar_url=url):
            stop.calendar_url = url
            stop.save(update_fields=["calendar_url"])


@transaction.atomic
def load(stdout, today=None):
    today = today or timezone.localdate()
    first = today.replace(day=1)
    last = first + relativedelta(months=4, days=-1)  # this month and the next three
    for fields in UNITS:
        unit = _upsert(
            ProbationUnit, {"slug": fields["slug"]}, {k: v for k, v in fields.items() if k != "slug"}
        )
        wanted = {**RULES[unit.slug], "starts_on": first, "ends_on": last, "slot_minutes": 30}
        rule = SessionRule.objects.filter(unit=unit).order_by("pk").first()
        if rule is None:
            rule = SessionRule(unit=unit)
        if rule.pk is None or any(getattr(rule, name) != value for name, value in wanted.items()):
            for name, value in wanted.items():
                setattr(rule, name, value)
            rule.full_clean()
            rule.save()
        sync_sessions(rule, today=today)

    home = HomePage.objects.get()
    page = upsert_page(
        home,
        AgendaPage,
        "agenda",
        title="Les permanences France services au SPIP",
        show_in_menus=True,
        search_description="Les jours de permanence dans les unités du SPIP, sur invitation de votre CPIP.",
        intro=INTRO,
        weeks_shown=13,
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.agenda_page_id != page.pk:
        site_settings.agenda_page = page
        site_settings.save()
    _link_directory_stops(page)
    _demo_cpip(stdout)
    coming = Session.objects.upcoming(today).scheduled().count()
    stdout.write(
        f"agenda: {ProbationUnit.objects.count()} unités, {coming} permanences à venir, page {page.url}"
    )
