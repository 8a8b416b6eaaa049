"""France services structures: what the official file says, what editors add.

A France services structure is a one-stop counter where trained advisors help people with the
procedures of the national partners (CAF, Assurance maladie, France Travail…). Most receive
anyone during opening hours; the SPIP's itinerant one receives only people invited by their
probation counsellor (CPIP), in the three SPIP units.

Most fields of a structure come from the official ANCT file and are replaced at each import
(``directory/importers.py``); editors add the rest (partners, accessibility, closures, stops).
Hours, closures and stops are in ``schedule.py``; slugs in ``directory/slugs.py``.
"""

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.search import index

from portal.admin_texts import FrenchInlinePanel

from .. import hours
from ..forms import StructureForm
from ..slugs import unique_slug, validate_not_reserved
from .commune import DEPARTMENT, Commune
from .queries import StructureQuerySet
from .reception import ReceptionDetails


class Structure(index.Indexed, ReceptionDetails, ClusterableModel):
    """One France services structure, as in the official ANCT list, completed by editors."""

    class Format(models.TextChoices):
        FIXED = "fixe", _("Fixe")
        MULTISITE = "multisites", _("Multisites")
        BUS = "bus", _("Bus")
        ANTENNA = "antenne", _("Fixe, avec antenne(s)")
        ITINERANT = "itinerante", _("Itinérante")

    class Kind(models.TextChoices):
        MAIN = "principal", _("Principal")
        ANTENNA = "antenne", _("Antenne")

    class Reception(models.TextChoices):
        PUBLIC = "public", _("Ouverte à tous aux horaires d'ouverture")
        INVITATION = (
            "invitation",
            _("Sur invitation du conseiller pénitentiaire d'insertion et de probation (CPIP)"),
        )

    # From the official file: replaced by each import.
    id_fs = models.CharField(
        _("identifiant national (id_fs)"),
        max_length=20,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Numéro de la structure dans la liste officielle. Vide pour une structure ajoutée ici."),
    )
    department = models.CharField(_("département"), max_length=3, default=DEPARTMENT)
    name = models.CharField(_("nom"), max_length=255)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    address_complement = models.CharField(_("complément d'adresse"), max_length=255, blank=True)
    insee_code = models.CharField(
        _("code INSEE de la commune"), max_length=5, blank=True, validators=[RegexValidator(r"^[0-9AB]{5}$")]
    )
    postcode = models.CharField(
        _("code postal"), max_length=5, blank=True, validators=[RegexValidator(r"^\d{5}$")]
    )
    commune_name = models.CharField(_("commune"), max_length=150, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    email = models.EmailField(_("adresse e-mail"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    appointment_required = models.BooleanField(
        _("sur rendez-vous"), null=True, blank=True, help_text=_("Vide si on ne sait pas.")
    )
    comment = models.TextField(_("commentaire"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, blank=True)
    group = models.CharField(_("groupe"), max_length=255, blank=True)
    labelled_on = models.DateField(_("labellisée depuis le"), null=True, blank=True)

    # Added by editors: never touched by an import.
    slug = models.SlugField(
        _("adresse de la page"),
        max_length=80,
        unique=True,
        blank=True,
        validators=[validate_not_reserved],
        help_text=_(
            "Fin de l'adresse de la page, par exemple « pimms-mediation-melun ». Donnée une fois, à la création."
        ),
    )
    reception = models.CharField(
        _("accueil"), max_length=20, choices=Reception.choices, default=Reception.PUBLIC
    )
    open_on_public_holidays = models.BooleanField(
        _("ouverte les jours fériés"),
        default=False,
        help_text=_("Sinon, la structure est indiquée fermée les jours fériés."),
    )
    accessibility = models.TextField(
        _("accessibilité : précisions"),
        blank=True,
        help_text=_(
            "Ce que les cases ne disent pas. Par exemple : « Ascenseur au fond du hall. » En phrases courtes."
        ),
    )
    partners = models.ManyToManyField(
        "guides.Partner",
        verbose_name=_("partenaires présents"),
        blank=True,
        related_name="structures",
    )

    # Derived from the INSEE code when saved.
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="structures",
    )
    updated_at = models.DateTimeField(_("mise à jour"), auto_now=True)
    # What the official file said at the last import (its fields and weekly hours, as JSON): a file
    # field that differs from it was edited by hand (directory/import_report.py).
    imported = models.JSONField(_("valeurs du dernier import"), null=True, blank=True, editable=False)

    objects = StructureQuerySet.as_manager()

    base_form_class = StructureForm
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    MultiFieldPanel(
                        [
                            FieldPanel("address"),
                            FieldPanel("address_complement"),
                            FieldRowPanel(
                                [FieldPanel("postcode"), FieldPanel("commune_name"), FieldPanel("insee_code")]
                            ),
                            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                        ],
                        heading=_("Adresse"),
                    ),
                    FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                    FieldPanel("appointment_required"),
                    FrenchInlinePanel(
                        "opening_hours", heading=_("Horaires d'ouverture"), label=_("jour"), max_num=7
                    ),
                    FieldPanel("osm_hours"),  # the structure form's own field (directory/forms.py)
                    FieldPanel("comment"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("format"), FieldPanel("labelled_on")]),
                    FieldRowPanel([FieldPanel("id_fs"), FieldPanel("department"), FieldPanel("group")]),
                ],
                heading=_("Fichier officiel"),
                help_text=_(
                    "Ces informations viennent de la liste officielle de l'ANCT. "
                    "Un nouvel import les remplace : corrigez-les aussi auprès de l'ANCT."
                ),
            ),
            ObjectList(
                [
                    FieldPanel("reception"),
                    FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
                    *ReceptionDetails.panels,
                    FieldPanel("open_on_public_holidays"),
                    FrenchInlinePanel(
                        "closures",
                        heading=_("Fermetures exceptionnelles"),
                        label=_("fermeture"),
                        feminine=True,
                    ),
                    FrenchInlinePanel(
                        "stops", heading=_("Lieux de passage (itinérance, bus)"), label=_("lieu")
                    ),
                    FieldPanel("slug"),
                ],
                heading=_("Compléments"),
                help_text=_("Ces informations sont ajoutées ici. Un import ne les change jamais."),
            ),
        ]
    )

    search_fields = [
        index.SearchField("name"),
        index.SearchField("commune_name"),
        index.AutocompleteField("name"),
        index.AutocompleteField("commune_name"),
        index.FilterField("department"),
        # The admin list's filters.
        index.FilterField("format"),
        index.FilterField("reception"),
        index.FilterField("appointment_required"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("France services")
        verbose_name_plural = _("France services")
        permissions = [("import_structures", _("Peut importer la liste officielle des France services"))]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            taken = set(Structure.objects.exclude(pk=self.pk).values_list("slug", flat=True))
            self.slug = unique_slug(self.name, taken)
        self.commune = Commune.objects.filter(code=self.insee_code).first() if self.insee_code else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from .directory_page import DirectoryPage

        page = DirectoryPage.objects.live().first()
        return page.structure_url(self) if page else None

    @property
    def is_invitation_only(self):
        return self.reception == self.Reception.INVITATION

    @property
    def arrondissement_name(self):
        return self.commune.arrondissement_name if self.commune else ""

    @property
    def place_label(self):
        """Where it is: "Meaux (77100)", or the stops' communes for a structure that travels."""
        if self.commune_name:
            return f"{self.commune_name} ({self.postcode})" if self.postcode else self.commune_name
        return ", ".join(self.stop_communes)

    @cached_property
    def stop_communes(self):
        """The names of the communes its stops visit, in the stops' order."""
        return list(dict.fromkeys(stop.commune.name for stop in self.stops.all() if stop.commune))

    @cached_property
    def schedule(self):
        weekly = {}
        for line in self.opening_hours.all():
            weekly.setdefault(line.weekday, []).extend(line.ranges)
        closures = [hours.Closure(c.start_date, c.end_date, c.reason) for c in self.closures.all()]
        return hours.Schedule(weekly, closures, self.open_on_public_holidays)

    @property
    def osm_hours(self):
        """Hours, public holidays and coming closures in OpenStreetMap's syntax; "" without hours."""
        return self.schedule.opening_hours(since=timezone.localdate())

    def replace_schedule(self, read, today):
        """Weekly hours, public holidays and coming closures as ``read`` (an ``osm_hours.ReadHours``) says.

        Past closures stay: they are the structure's history, not its schedule.
        """
        self.opening_hours.model.objects.filter(structure=self).delete()
        self.opening_hours.model.objects.bulk_create(self.opening_hours.model.rows_for(self.pk, read.weekly))
        closures = self.closures.model.objects
        closures.filter(structure=self, end_date__gte=today).delete()
        closures.bulk_create(
            self.closures.model(structure=self, start_date=c.start, end_date=c.end, reason=c.reason[:200])
            for c in read.closures
        )
        if self.open_on_public_holidays != read.open_on_public_holidays:
            self.open_on_public_holidays = read.open_on_public_holidays
            self.save(update_fields=["open_on_public_holidays", "updated_at"])
        self.__dict__.pop("schedule", None)

    def status(self, now=None):
        return self.schedule.status(now or timezone.now())

    def status_text(self, now=None):
        """One sentence: "Ouvert maintenant jusqu'à 12 h", "Ouvre mardi à 9 h", or the invitation rule."""
        if self.is_invitation_only:
            return str(_("Sur invitation de votre conseiller ou conseillère (CPIP)"))
        now = now or timezone.now()
        return hours.describe(self.status(now), now)

    @property
    def current_status_text(self):
        return self.status_text()

    @property
    def week(self):
        return self.schedule.week()

    def upcoming_closures(self):
        return self.schedule.upcoming_closures(timezone.localdate())

    def upcoming_holidays(self):
        return self.schedule.upcoming_holidays(timezone.localdate())
