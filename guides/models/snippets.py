from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..glossary import Entry, Glossary


class Partner(index.Indexed, models.Model):
    """A national partner of France services (CAF, France Travail, …): advisors help with its procedures."""

    name = models.CharField(_("nom"), max_length=150, unique=True)
    short_name = models.CharField(_("nom court"), max_length=40, help_text=_("Par exemple : CAF, CPAM."))
    slug = models.SlugField(_("identifiant dans l'adresse"), max_length=60, unique=True)
    everyday_name = models.CharField(
        _("nom de tous les jours"),
        max_length=60,
        blank=True,
        help_text=_("Ce que l'organisme fait, en 1 à 4 mots. Par exemple : Impôts, Retraite."),
    )
    explanation = models.CharField(
        _("explication simple"),
        max_length=250,
        blank=True,
        help_text=_(
            "1 ou 2 phrases courtes, avec des mots de tous les jours : ce que l'organisme fait pour vous."
        ),
    )
    phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Numéro national, par exemple 32 30.")
    )
    phone_hours = models.CharField(
        _("horaires du téléphone"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : du lundi au vendredi, de 9 h à 17 h. Service gratuit + prix d'un appel."),
    )
    website = models.URLField(_("site internet"), blank=True)
    joined_on = models.DateField(
        _("partenaire de France services depuis le"),
        null=True,
        blank=True,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("everyday_name"),
        FieldPanel("explanation"),
        FieldPanel("phone"),
        FieldPanel("phone_hours"),
        FieldPanel("website"),
        FieldPanel("joined_on"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.SearchField("everyday_name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return self.official_name

    @property
    def official_name(self):
        """The name with its acronym, once: "Finances publiques (DGFiP)", "Ministère de l'Intérieur (ANTS)"."""
        return self.name if self.short_name in self.name else f"{self.name} ({self.short_name})"

    @property
    def label(self):
        """For lists a reader picks from: "Impôts – Finances publiques (DGFiP)"."""
        return f"{self.everyday_name} – {self.official_name}" if self.everyday_name else self.official_name

    @property
    def compact_name(self):
        """For short lists: "Impôts (DGFiP)", "Justice"; the short name alone without an everyday name."""
        if not self.everyday_name or self.short_name in self.everyday_name:
            return self.everyday_name or self.short_name
        return f"{self.everyday_name} ({self.short_name})"


class GlossaryTermQuerySet(models.QuerySet):
    def version(self):
        """Changes whenever a term is added, changed or removed (for caches)."""
        stats = self.aggregate(count=models.Count("pk"), last=models.Max("updated_at"))
        return f"{stats['count']}:{stats['last'].timestamp() if stats['last'] else 0}"

    def glossary(self):
        """These terms as a :class:`guides.glossary.Glossary`, to find and link words."""
        return Glossary(term.entry for term in self)

    def current_glossary(self):
        """The whole glossary, compiled once per process until a term changes."""
        version = self.version()
        glossary = _compiled_glossaries.get(version)
        if glossary is None:
            _compiled_glossaries.clear()
            glossary = _compiled_glossaries[version] = self.all().glossary()
        return glossary


_compiled_glossaries = {}


class GlossaryTerm(index.Indexed, models.Model):
    """A difficult word that sheets use, and its explanation in everyday words."""

    term = models.CharField(
        _("mot difficile"),
        max_length=80,
        unique=True,
        help_text=_("Le mot comme on l'écrit dans les fiches. Par exemple : RSA, justificatif de domicile."),
    )
    slug = models.SlugField(_("identifiant"), max_length=90, unique=True, editable=False)
    other_forms = models.TextField(
        _("autres façons de l'écrire"),
        blank=True,
        help_text=_(
            "Une par ligne. Par exemple le sigle en entier : revenu de solidarité active. "
            "Le pluriel avec un s ou un x est reconnu tout seul."
        ),
    )
    definition = models.TextField(
        _("explication simple"),
        max_length=400,
        help_text=_("1 ou 2 phrases courtes, avec des mots de tous les jours."),
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = GlossaryTermQuerySet.as_manager()

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("other_forms")]
    search_fields = [
        index.SearchField("term"),
        index.SearchField("other_forms"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
    ]

    class Meta:
        verbose_name = _("mot difficile")
        verbose_name_plural = _("mots difficiles")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.term)[:80] or "mot"
        slug, number = base, 2
        while GlossaryTerm.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    @property
    def forms(self):
        return [self.term, *(line.strip() for line in self.other_forms.splitlines() if line.strip())]

    @property
    def entry(self):
        return Entry(slug=self.slug, term=self.term, definition=self.definition, forms=tuple(self.forms))
