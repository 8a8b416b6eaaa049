import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .text import MAX_QUERY_LENGTH, fold, meaningful_words

EXPRESSION_SEPARATORS_RE = re.compile(r"[,;\n]")


class Synonym(models.Model):
    """Words readers use for what the content names otherwise.

    "chômage, pôle emploi" mean "France Travail"; "sécu, ameli" mean
    "Assurance maladie". A search for one of the expressions also looks for
    the meaning.
    """

    expressions = models.TextField(
        _("mots des lecteurs"),
        help_text=_(
            "Les mots ou expressions que les lecteurs écrivent, séparés par des virgules. "
            "Les accents et les majuscules ne comptent pas. Par exemple : chômage, pôle emploi."
        ),
    )
    meaning = models.CharField(
        _("ce qu'ils veulent dire"),
        max_length=200,
        help_text=_("Les mots utilisés dans les fiches. Par exemple : France Travail."),
    )

    panels = [FieldPanel("expressions"), FieldPanel("meaning")]

    class Meta:
        ordering = ["meaning"]
        verbose_name = _("synonyme")
        verbose_name_plural = _("synonymes")

    def __str__(self):
        return f"{', '.join(self.expression_list())} → {self.meaning}"

    def expression_list(self):
        """The expressions, trimmed, each once (whatever its accents and capitals)."""
        seen = set()
        expressions = []
        for expression in EXPRESSION_SEPARATORS_RE.split(self.expressions):
            expression = " ".join(expression.split())
            if expression and fold(expression) not in seen:
                seen.add(fold(expression))
                expressions.append(expression)
        return expressions

    def clean(self):
        errors = {}
        expressions = self.expression_list()
        if not any(meaningful_words(expression) for expression in expressions):
            errors["expressions"] = _("Écrivez au moins un mot, par exemple : chômage.")
        elif any(len(expression) > MAX_QUERY_LENGTH for expression in expressions):
            errors["expressions"] = _(
                "Une expression est trop longue : séparez les expressions par des virgules."
            )
        if not meaningful_words(self.meaning):
            errors["meaning"] = _("Écrivez les mots des fiches, par exemple : France Travail.")
        if errors:
            raise ValidationError(errors)
        self.expressions = ", ".join(expressions)
        self.meaning = " ".join(self.meaning.split())


class LoggedQuery(models.Model):
    """A query editors may read: every word of it is a word of the site, or readers typed it on
    several different days (see search/querylog.py). No other query is ever written in clear."""

    text = models.CharField(_("recherche"), max_length=MAX_QUERY_LENGTH, unique=True)

    class Meta:
        ordering = ["text"]
        verbose_name = _("recherche des lecteurs")
        verbose_name_plural = _("recherches des lecteurs")

    def __str__(self):
        return self.text


class DailySearchCountQuerySet(models.QuerySet):
    def since(self, date):
        return self.filter(date__gte=date)


class DailySearchCount(models.Model):
    """How many searches, on one day, were made for one query, and how many found nothing.

    The query is known by a keyed hash (``digest``) whose key changes every day and lives only
    in the cache: two days' counts of one query cannot be linked, and no count can be traced
    back to what was typed, from the database or a backup. ``query`` is set only once the
    query may be shown (``LoggedQuery``). Counts are kept 30 days.
    """

    date = models.DateField(_("jour"))
    digest = models.CharField(_("empreinte"), max_length=64)
    query = models.ForeignKey(
        LoggedQuery,
        verbose_name=_("recherche"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="daily_counts",
    )
    searches = models.PositiveIntegerField(_("nombre de recherches"), default=0)
    unanswered = models.PositiveIntegerField(_("nombre de recherches sans résultat"), default=0)

    objects = DailySearchCountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["date", "digest"], name="search_daily_count_date_digest_unique")
        ]
        verbose_name = _("recherches d'un jour")
        verbose_name_plural = _("recherches par jour")

    def __str__(self):
        return f"{self.query or self.digest[:8]} ({self.date}): {self.searches}"
