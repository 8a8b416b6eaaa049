"""Demo content for the home app, and the helpers every app's demo module uses.

Each app that has demo content has a ``demo.py`` with a ``load(stdout)``
function; ``manage.py load_demo`` calls them in order. Every loader is
idempotent: a second run changes nothing.
"""

from collections import Counter

from django.db import transaction
from django.utils.translation import ngettext

from wagtail.models import Site

from .models import HomePage, SiteSettings, StandardPage


def upsert_page(parent, model, slug, *, outcomes=None, **fields):
    """Create the page ``slug`` under ``parent``, or update it when ``fields`` differ.

    A new revision is published only when something changed, so a second run
    leaves the page and its history as they were. ``outcomes`` (a Counter), when
    given, counts the page as "created", "updated" or "unchanged".
    """
    outcomes = Counter() if outcomes is None else outcomes
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        outcomes["created"] += 1
        return page
    changed = False
    for name, value in fields.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    if changed or not page.live:
        page.save_revision().publish()
        outcomes["updated"] += 1
    else:
        outcomes["unchanged"] += 1
    return page


def feminine_changes(created, updated, unchanged):
    """ "2 créées, 1 modifiée": what a demo loader did to pages or France services (no zero counts)."""
    parts = [
        (created, ngettext("%(count)d créée", "%(count)d créées", created)),
        (updated, ngettext("%(count)d modifiée", "%(count)d modifiées", updated)),
        (unchanged, ngettext("%(count)d inchangée", "%(count)d inchangées", unchanged)),
    ]
    return ", ".join(text % {"count": count} for count, text in parts if count)


def masculine_changes(created, updated, unchanged):
    """ "50 ajoutés", "1 modifié, 49 inchangés": the same for words of the glossary."""
    parts = [
        (created, ngettext("%(count)d ajouté", "%(count)d ajoutés", created)),
        (updated, ngettext("%(count)d modifié", "%(count)d modifiés", updated)),
        (unchanged, ngettext("%(count)d inchangé", "%(count)d inchangés", unchanged)),
    ]
    return ", ".join(text % {"count": count} for count, text in parts if count)


HOME_INTRO = (
    "<p>France services vous aide à faire vos démarches : CAF, santé, papiers, emploi, impôts, retraite.</p>"
    "<p>Un conseiller vous reçoit <b>gratuitement</b>, près de chez vous.</p>"
)

LEGAL_NOTICE = """
<h2>Qui publie ce site ?</h2>
<p>La préfecture de Seine-et-Marne publie ce site, avec le service pénitentiaire d'insertion et de probation (SPIP) de Seine-et-Marne.</p>
<p>Adresse : Préfecture de Seine-et-Marne, 12 rue des Saints-Pères, 77010 Melun Cedex.</p>
<p>Directeur de la publication : le préfet de Seine-et-Marne.</p>
<h2>Vos données</h2>
<p>Ce site ne vous demande pas qui vous êtes.</p>
<p>Il ne garde pas le nom des personnes reçues en France services.</p>
<p>Il ne dépose pas de cookie de mesure d'audience.</p>
<p>Les conseillers et les éditeurs ont un compte. Ce compte garde leur nom et leur adresse e-mail professionnelle.</p>
<h2>Les informations du site</h2>
<p>La liste des France services vient de l'ANCT : « liste des structures France services, 01/08/2024 », sous Licence Ouverte 2.0.</p>
<p>Les fiches s'appuient sur les fiches de Service-Public.fr (DILA), sous Licence Ouverte 2.0.</p>
"""

# The day this statement was written, and the day the browser tests
# (tests/browser/) passed on every page type listed in it. Change both the
# date and the list when the statement is revised: a date is never moved
# forward without the checks being run again.
ACCESSIBILITY_STATEMENT_DATE = "27 novembre 2026"

ACCESSIBILITY_STATEMENT = f"""
<h2>État de conformité</h2>
<p>Ce site est <b>partiellement conforme</b> au référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.</p>
<p>Pourquoi « partiellement » ? Personne n'a encore fait un audit complet du site, à la main. Seul un tel audit peut dire si le site est conforme.</p>
<h2>Ce que nous avons vérifié</h2>
<p>Des tests automatiques ouvrent chaque type de page dans un vrai navigateur, Chromium. Ils passent à chaque modification du site. Si un test échoue, la modification est refusée.</p>
<ul>
<li>L'outil axe-core (version 4.12) cherche les erreurs d'accessibilité. Il applique les règles WCAG 2.1 des niveaux A et AA et les règles liées au RGAA. Il n'a trouvé aucune erreur.</li>
<li>Au clavier seul : le lien « Aller au contenu » marche, et on voit toujours où on se trouve dans la page. Un conseiller peut réserver un créneau, imprimer la convocation et des fiches.</li>
<li>Sans JavaScript : chaque page montre son contenu, la recherche et les formulaires marchent.</li>
<li>Sur un petit téléphone (360 pixels de large), et avec le texte agrandi 4 fois : rien ne déborde sur le côté.</li>
<li>À l'impression : une fiche, la page d'une France services ou une page simple tient sur 2 feuilles A4 au plus, avec le QR code de la fiche. L'affiche des permanences tient sur 1 feuille.</li>
</ul>
<p>Pages vérifiées :</p>
<ul>
<li>l'accueil, les pages simples (comme celle-ci), le plan du site, la recherche, la connexion, les pages d'erreur ;</li>
<li>les fiches pratiques : les thèmes, les fiches, les mots difficiles ;</li>
<li>l'annuaire des France services : la liste, la recherche par commune, la page de chaque France services ;</li>
<li>le calendrier des permanences au SPIP et son affiche ;</li>
<li>l'espace des professionnels : les fiches à imprimer, le calendrier, la réservation, le rendez-vous.</li>
</ul>
<p>Ces tests ne trouvent pas tous les problèmes. Ils ne remplacent pas un audit.</p>
<h2>Établissement de cette déclaration</h2>
<p>Cette déclaration a été établie le {ACCESSIBILITY_STATEMENT_DATE}. Ce jour-là, tous les tests automatiques ont réussi.</p>
<p>Le site utilise HTML et CSS. Il n'a pas besoin de JavaScript.</p>
<h2>Signaler un problème</h2>
<p>Vous n'arrivez pas à utiliser une page ? Dites-le nous. Nous vous aiderons à trouver l'information autrement.</p>
<p>Écrivez à la préfecture de Seine-et-Marne : 12 rue des Saints-Pères, 77010 Melun Cedex.</p>
<p>Vous pouvez aussi demander de l'aide à un conseiller France services.</p>
<h2>Si nous ne vous répondons pas</h2>
<p>Vous nous avez signalé un problème, et notre réponse ne vous aide pas ? Vous pouvez contacter le Défenseur des droits :</p>
<ul>
<li>par internet : <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;</li>
<li>en rencontrant un de ses délégués, près de chez vous : leur liste est sur <a href="https://www.defenseurdesdroits.fr/">defenseurdesdroits.fr</a> ;</li>
<li>par téléphone : 09 69 39 00 00 ;</li>
<li>par courrier gratuit, sans timbre : Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07.</li>
</ul>
"""


@transaction.atomic
def load(stdout):
    outcomes = Counter()
    home = HomePage.objects.get()
    home = upsert_page(
        home.get_parent(),
        HomePage,
        home.slug,
        outcomes=outcomes,
        title="France services en Seine-et-Marne",
        intro=HOME_INTRO,
    )
    legal = upsert_page(
        home,
        StandardPage,
        "mentions-legales",
        outcomes=outcomes,
        title="Mentions légales",
        body=LEGAL_NOTICE.strip(),
    )
    accessibility = upsert_page(
        home,
        StandardPage,
        "accessibilite",
        outcomes=outcomes,
        title="Déclaration d'accessibilité",
        intro="Ce site est partiellement conforme aux règles d'accessibilité (RGAA).",
        body=ACCESSIBILITY_STATEMENT.strip(),
    )
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    wanted = {
        "operator_name": "Préfecture de Seine-et-Marne",
        "contact_address": "Préfecture de Seine-et-Marne\n12 rue des Saints-Pères\n77010 Melun Cedex",
        "legal_notice_page_id": legal.pk,
        "accessibility_page_id": accessibility.pk,
    }
    if any(getattr(site_settings, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site_settings, key, value)
        site_settings.save()
    total = sum(outcomes.values())
    stdout.write(
        f"home: {ngettext('%(count)d page', '%(count)d pages', total) % {'count': total}} "
        f"({feminine_changes(outcomes['created'], outcomes['updated'], outcomes['unchanged'])})"
    )
