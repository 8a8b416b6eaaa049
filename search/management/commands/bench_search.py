from django.core.management.base import BaseCommand

from bench import search_timings


class Command(BaseCommand):
    help = "Mesure le temps de la recherche du site sur la base de données utilisée (médiane et 95e centile)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rounds", type=int, default=10, help="Nombre de passages sur les requêtes (10)."
        )

    def handle(self, *args, rounds, **options):
        self.stdout.write(search_timings.describe())
        build_ms, results = search_timings.run(rounds=rounds)
        self.stdout.write(f"Vocabulaire de l'orthographe reconstruit en {build_ms:.0f} ms")
        for figures in results:
            self.stdout.write(
                f"{figures.label} : {figures.count} recherches, médiane {figures.median_ms:.1f} ms, "
                f"95e centile {figures.p95_ms:.1f} ms, maximum {figures.max_ms:.1f} ms"
            )
