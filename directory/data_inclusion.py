"""The directory in data·inclusion's schema (version 1), the national commons of social services.

DORA, Soliguide and the national maps exchange structures and services in this schema; in it,
``france-service`` and ``spip`` are networks (``reseaux_porteurs``). Here:

- one *structure* per France services, with its hours in OpenStreetMap's syntax and its
  acceslibre page;
- one *service* per partner present ("Aide aux démarches : Caisse d'allocations familiales
  (CAF)"), or one general service for a structure with no partner entered. The services of a
  structure that receives on invitation (the SPIP's itinerant France services) say so: for people
  followed by the SPIP, mobilised by professionals, eligible in the département (its INSEE code),
  "Sur invitation du CPIP".

Values come from the schema's reference lists (``docs/referentiels`` of
github.com/gip-inclusion/data-inclusion-schema); the tests validate every record with the
``data-inclusion-schema`` package's own models. JSON gives a list of records; CSV one record a
line, a list written as its values separated by commas, an empty cell for no value.
"""

import csv
import re

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import DEPARTMENT

SOURCE = "france-services-77"
NAME_MAX_LENGTH = 150

# Where and how to reach it: the same columns, in the same order, for a structure and a service.
PLACE_FIELDS = [
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "longitude",
    "latitude",
    "telephone",
    "courriel",
]
STRUCTURE_FIELDS = [
    "source",
    "id",
    "nom",
    "date_maj",
    "description",
    "lien_source",
    *PLACE_FIELDS,
    "horaires_accueil",
    "accessibilite_lieu",
    "reseaux_porteurs",
]
SERVICE_FIELDS = [
    "source",
    "structure_id",
    "id",
    "nom",
    "description",
    "lien_source",
    "date_maj",
    "type",
    "thematiques",
    "frais",
    "publics",
    "publics_precisions",
    "conditions_acces",
    *PLACE_FIELDS,
    "modes_accueil",
    "zone_eligibilite",
    "modes_mobilisation",
    "mobilisable_par",
    "mobilisation_precisions",
    "horaires_accueil",
]

# Every France services helps with procedures online and on paper.
GENERAL_THEMES = [
    "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives",
    "numerique--acceder-a-des-services-en-ligne",
]
# What each national partner's procedures are about (guides.Partner slugs), in the schema's themes
# (its "thematiques" are the sub-themes, "categorie--sous-thematique").
PARTNER_THEMES = {
    "caf": [
        "famille--soutien-a-la-parentalite-et-a-leducation",
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        "logement-hebergement--reduire-les-impayes-de-loyer",
    ],
    "assurance-maladie": ["sante--acces-aux-soins"],
    "assurance-retraite": [
        "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"
    ],
    "finances-publiques": ["difficultes-financieres--ameliorer-sa-gestion-budgetaire"],
    "france-travail": [
        "trouver-un-emploi--repondre-a-des-offres-demploi",
        "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi",
    ],
    "msa": ["sante--acces-aux-soins", "famille--soutien-a-la-parentalite-et-a-leducation"],
    "justice": ["difficultes-administratives-ou-juridiques--prendre-en-compte-une-problematique-judiciaire"],
    "interieur": ["mobilite--preparer-un-permis"],
    "la-poste": ["numerique--acceder-a-une-connexion-internet"],
    "france-renov": ["logement-hebergement--se-maintenir-dans-le-logement"],
    "cheque-energie": [
        "difficultes-financieres--prevenir-une-degradation-de-la-situation-financiere",
        "logement-hebergement--se-maintenir-dans-le-logement",
    ],
    "urssaf": ["creer-une-entreprise--developper-son-entreprise"],
    "agirc-arrco": ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"],
}
FRENCH_NUMBER = re.compile(r"0[1-9]\d{8}")
POSTCODE = re.compile(r"\d{5}")


def telephone(number):
    """ "01 64 09 49 22" → "+33164094922" (E.164, as the schema prefers); another form is kept as it is."""
    digits = re.sub(r"[\s.\-]", "", number)
    if FRENCH_NUMBER.fullmatch(digits):
        return "+33" + digits[1:]
    return number or None


def name(text):
    """A record's name: 150 characters at most, not ending with a full stop."""
    return Truncator(text).chars(NAME_MAX_LENGTH, truncate="…").rstrip(".") or None


def structure_id(structure):
    return f"{SOURCE}--{structure.id_fs or structure.slug}"


def last_change(structure):
    """The day the record last changed here: saved, or checked with the structure."""
    days = [timezone.localdate(structure.updated_at)]
    if structure.verified_on:
        days.append(structure.verified_on)
    return min(max(days), timezone.localdate()).isoformat()


def place(structure):
    """The address fields shared by a structure and its services."""
    return {
        "commune": structure.commune_name or None,
        "code_postal": structure.postcode if POSTCODE.fullmatch(structure.postcode) else None,
        "code_insee": structure.insee_code or None,
        "adresse": structure.address or None,
        "complement_adresse": structure.address_complement or None,
        "longitude": structure.longitude,
        "latitude": structure.latitude,
        "telephone": telephone(structure.phone),
        "courriel": structure.email or None,
    }


def structure_record(structure, url):
    networks = ["france-service"] + (["spip"] if structure.is_invitation_only else [])
    description = " ".join(structure.comment.split())
    return {
        "source": SOURCE,
        "id": structure_id(structure),
        "nom": name(structure.name),
        "date_maj": last_change(structure),
        "description": description if len(description) >= 5 else None,
        "lien_source": url,
        **place(structure),
        "horaires_accueil": structure.osm_hours or None,
        "accessibilite_lieu": structure.acceslibre_url or None,
        "reseaux_porteurs": networks,
    }


def _service(structure, url, key, title, description, themes):
    invitation = structure.is_invitation_only
    if invitation:
        stops = [str(stop) for stop in structure.stops.all()]
        if stops:
            description += " " + _("Lieux : %(places)s.") % {"places": " ; ".join(stops)}
        description += " " + _(
            "Sur invitation du conseiller ou de la conseillère pénitentiaire d'insertion et de probation (CPIP)."
        )
    channels = []
    if structure.phone:
        channels.append("telephoner")
    if structure.email:
        channels.append("envoyer-un-courriel")
    if structure.appointment_required is False:
        channels.append("se-presenter")
    return {
        "source": SOURCE,
        "structure_id": structure_id(structure),
        "id": f"{structure_id(structure)}--{key}",
        "nom": name(title),
        "description": description,
        "lien_source": url,
        "date_maj": last_change(structure),
        "type": "accompagnement",
        "thematiques": sorted(set(GENERAL_THEMES + themes)),
        "frais": "gratuit",
        "publics": ["personnes-en-situation-juridique-specifique"] if invitation else ["tous-publics"],
        "publics_precisions": _("Personnes suivies par le SPIP de Seine-et-Marne en milieu ouvert.")
        if invitation
        else None,
        "conditions_acces": _("Sur invitation du CPIP.") if invitation else None,
        **place(structure),
        "modes_accueil": ["en-presentiel"],
        "zone_eligibilite": [DEPARTMENT] if invitation else None,
        "modes_mobilisation": None if invitation else (channels or None),
        "mobilisable_par": ["professionnels"] if invitation else ["professionnels", "usagers"],
        "mobilisation_precisions": _(
            "Sur invitation du CPIP : la personne ne peut pas venir d'elle-même. Le CPIP réserve un créneau."
        )
        if invitation
        else (_("Sur rendez-vous.") if structure.appointment_required else None),
        "horaires_accueil": None if invitation else (structure.osm_hours or None),
    }


def service_records(structure, url):
    """One service per partner present, or one general service when none is entered."""
    partners = list(structure.partners.all())
    if not partners:
        description = _(
            "Un conseiller France services vous aide, gratuitement, pour vos démarches administratives."
        )
        return [
            _service(
                structure, url, "accompagnement", _("Aide aux démarches administratives"), description, []
            )
        ]
    return [
        _service(
            structure,
            url,
            partner.slug,
            _("Aide aux démarches : %(partner)s") % {"partner": partner},
            _(
                "Un conseiller France services vous aide, gratuitement, pour vos démarches avec %(partner)s : "
                "créer votre compte, remplir un dossier, suivre une demande."
            )
            % {"partner": partner},
            PARTNER_THEMES.get(partner.slug, []),
        )
        for partner in partners
    ]


def structures(queryset, url_of):
    """The structure records; ``url_of(structure)`` gives a structure page's full address."""
    return [structure_record(structure, url_of(structure)) for structure in queryset]


def services(queryset, url_of):
    return [record for structure in queryset for record in service_records(structure, url_of(structure))]


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def write_csv(records, fields, out):
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([csv_cell(record[field]) for field in fields])
