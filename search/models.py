import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.search_promotions.models import Query

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


class UnansweredQueryDailyHitsQuerySet(models.QuerySet):
    def since(self, date):
        return self.filter(date__gte=date)


class UnansweredQueryDailyHits(models.Model):
    """How many times, on one day, a query found nothing.

    Wagtail's query log (``QueryDailyHits``) counts every search; this counts
    the searches that found nothing, so that editors see which words to add
    as synonyms or promotions. Kept as long as the query log (30 days).
    """

    query = models.ForeignKey(
        Query,
        verbose_name=_("recherche"),
        on_delete=models.CASCADE,
        related_name="unanswered_daily_hits",
    )
    date = models.DateField(_("jour"))
    hits = models.PositiveIntegerField(_("nombre de recherches sans résultat"), default=0)

    objects = UnansweredQueryDailyHitsQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_unanswered_query_date_unique")
        ]
        verbose_name = _("recherches sans résultat d'un jour")
        verbose_name_plural = _("recherches sans résultat par jour")

    def __str__(self):
        return f"{self.query} ({self.date}): {self.hits}"
