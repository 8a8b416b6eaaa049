"""How a structure receives people: access for wheelchairs and the hard of hearing, languages,
help for people who cannot read or write, how to get there, and when editors last checked it all.

Editors enter these fields (the official file has none of them); an import never changes them.
``Structure`` inherits them; ``panels`` go on its "Compléments" tab (with its ``accessibility``
text, the details in words).
The accessibility fields follow acceslibre's questions (the national database of accessible
places), and a structure may link to its acceslibre page. Each is yes, no, or not known yet.
"""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

ACCESLIBRE_HOSTS = {"acceslibre.beta.gouv.fr", "acceslibre.gouv.fr"}

# Languages advisors may speak besides French: ISO 639 codes (639-3 where 639-1 has none).
LANGUAGES = [
    ("en", _("anglais")),
    ("ar", _("arabe")),
    ("es", _("espagnol")),
    ("pt", _("portugais")),
    ("it", _("italien")),
    ("de", _("allemand")),
    ("ro", _("roumain")),
    ("pl", _("polonais")),
    ("ru", _("russe")),
    ("uk", _("ukrainien")),
    ("tr", _("turc")),
    ("zh", _("chinois")),
    ("ta", _("tamoul")),
    ("wo", _("wolof")),
    ("bm", _("bambara")),
    ("snk", _("soninké")),
    ("fsl", _("langue des signes française (LSF)")),
]
LANGUAGE_NAMES = dict(LANGUAGES)


def validate_acceslibre_url(value):
    if urlsplit(value).hostname not in ACCESLIBRE_HOSTS:
        raise ValidationError(_("Donnez l'adresse de la fiche sur acceslibre.beta.gouv.fr."))


def validate_languages(value):
    if not isinstance(value, list) or any(code not in LANGUAGE_NAMES for code in value):
        raise ValidationError(_("Choisissez les langues dans la liste."))


class LanguagesField(models.JSONField):
    """A list of language codes from ``LANGUAGES``, ticked in a list of checkboxes."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=LANGUAGES,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class ReceptionDetails(models.Model):
    """What a person needs to know before coming: access, languages, help, directions, last check."""

    step_free_access = models.BooleanField(
        _("entrée accessible en fauteuil roulant"),
        null=True,
        blank=True,
        help_text=_(
            "De plain-pied ou avec une rampe, porte assez large, sans marche. Vide si on ne sait pas."
        ),
    )
    accessible_toilets = models.BooleanField(
        _("toilettes adaptées au fauteuil roulant"), null=True, blank=True
    )
    hearing_loop = models.BooleanField(
        _("boucle magnétique à l'accueil"),
        null=True,
        blank=True,
        help_text=_("Elle aide les personnes qui portent un appareil auditif."),
    )
    accessible_parking = models.BooleanField(
        _("place de parking réservée aux personnes handicapées"),
        null=True,
        blank=True,
        help_text=_("Devant l'entrée ou tout près."),
    )
    acceslibre_url = models.URLField(
        _("fiche acceslibre"),
        max_length=300,
        blank=True,
        validators=[validate_acceslibre_url],
        help_text=_("L'adresse de la page du lieu sur acceslibre.beta.gouv.fr, s'il en a une."),
    )
    languages = LanguagesField(
        _("langues parlées en plus du français"),
        default=list,
        blank=True,
        validators=[validate_languages],
    )
    helps_non_readers = models.BooleanField(
        _("aide les personnes qui ne savent pas lire ou écrire"),
        null=True,
        blank=True,
        help_text=_("Un conseiller lit et remplit les papiers avec la personne."),
    )
    directions = models.TextField(
        _("comment venir"),
        blank=True,
        help_text=_(
            "Sans carte : bus et arrêt, gare, parking, porte d'entrée, étage. Par exemple : "
            "« Bus 5, arrêt Mairie. Entrée par la cour, à gauche. » En phrases courtes."
        ),
    )
    verified_on = models.DateField(
        _("informations vérifiées le"),
        null=True,
        blank=True,
        help_text=_("Le jour où la structure a confirmé ces informations (appel, visite, e-mail)."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("step_free_access", widget=forms.NullBooleanSelect),
                        FieldPanel("accessible_toilets", widget=forms.NullBooleanSelect),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("hearing_loop", widget=forms.NullBooleanSelect),
                        FieldPanel("accessible_parking", widget=forms.NullBooleanSelect),
                    ]
                ),
                FieldPanel("acceslibre_url"),
                FieldPanel("accessibility"),
            ],
            heading=_("Accessibilité"),
        ),
        FieldPanel("languages"),
        FieldPanel("helps_non_readers", widget=forms.NullBooleanSelect),
        FieldPanel("directions"),
        # "verified_today" is the structure form's own field (directory/forms.py).
        FieldRowPanel([FieldPanel("verified_on"), FieldPanel("verified_today")]),
    ]

    class Meta:
        abstract = True

    @property
    def language_names(self):
        """["anglais", "arabe"], in the order of the list."""
        return [str(LANGUAGE_NAMES[code]) for code, _name in LANGUAGES if code in (self.languages or [])]

    @property
    def accessibility_facts(self):
        """[(pictogram, sentence, yes)] of the accessibility fields editors have filled, in plain words."""
        facts = [
            (
                "fauteuil",
                self.step_free_access,
                _("Entrée accessible en fauteuil roulant."),
                _("Entrée pas accessible en fauteuil roulant (marche ou porte étroite)."),
            ),
            (
                "toilettes",
                self.accessible_toilets,
                _("Toilettes adaptées au fauteuil roulant."),
                _("Pas de toilettes adaptées au fauteuil roulant."),
            ),
            (
                "oreille",
                self.hearing_loop,
                _("Boucle magnétique à l'accueil, pour les appareils auditifs."),
                _("Pas de boucle magnétique à l'accueil."),
            ),
            (
                "parking",
                self.accessible_parking,
                _("Place de parking pour les personnes handicapées, tout près."),
                _("Pas de place de parking réservée tout près."),
            ),
        ]
        return [(picto, yes if value else no, value) for picto, value, yes, no in facts if value is not None]

    @property
    def reception_facts(self):
        """What the structure page says about being received, with its pictograms: [(pictogram, sentence, yes)].

        Reads the structure's appointment and invitation fields too (``Structure`` has them).
        """
        facts = []
        if not self.is_invitation_only:
            if self.appointment_required and self.phone:
                sentence = _("Sur rendez-vous. Appelez le %(phone)s avant de venir.") % {"phone": self.phone}
                facts.append(("rendez-vous", sentence, True))
            elif self.appointment_required:
                facts.append(("rendez-vous", _("Sur rendez-vous. Prenez rendez-vous avant de venir."), True))
            elif self.appointment_required is False:
                facts.append(("porte", _("Vous pouvez venir sans rendez-vous."), True))
        if self.helps_non_readers:
            facts.append(
                (
                    "lecture",
                    _(
                        "Vous ne savez pas lire ou écrire ? Un conseiller lit et remplit les papiers avec vous."
                    ),
                    True,
                )
            )
        if self.language_names:
            facts.append(
                (
                    "langues",
                    _("On parle aussi : %(languages)s.") % {"languages": ", ".join(self.language_names)},
                    True,
                )
            )
        return facts + self.accessibility_facts
