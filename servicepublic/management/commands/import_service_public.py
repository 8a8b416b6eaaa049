from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from servicepublic.download import DownloadFailed, downloaded_zip
from servicepublic.importer import import_sheets
from servicepublic.notify import notification_line, notify_editors
from servicepublic.sources import SourceRejected

# Exit status when the import ran but refused some files (the others are imported).
SOME_FILES_REFUSED = 2


class Command(BaseCommand):
    help = (
        "Importe les fiches officielles de Service-Public.fr (XML de la DILA) : des fichiers, des dossiers "
        "ou le zip vosdroits-latest.zip. Une deuxième exécution ne change rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="CHEMIN", help="Fichier XML, dossier ou zip")
        parser.add_argument("--url", help="Télécharger d'abord le zip à cette adresse, puis l'importer")
        parser.add_argument("--dry-run", action="store_true", help="Lire et comparer sans rien enregistrer")

    def handle(self, *args, paths, url, dry_run, **options):
        if not paths and not url:
            raise CommandError(_("Donnez au moins un fichier, un dossier ou un zip, ou --url."))
        try:
            if url:
                with downloaded_zip(url) as path:
                    report = import_sheets([*paths, path], dry_run=dry_run)
            else:
                report = import_sheets(paths, dry_run=dry_run)
        except DownloadFailed as error:
            raise CommandError(
                _("Téléchargement de %(url)s impossible : %(error)s. Rien n'a changé.")
                % {"url": url, "error": error}
            ) from None
        except SourceRejected as error:
            raise CommandError(str(error)) from None
        for line in report.lines():
            self.stdout.write(line)
        if report.written:
            self.stdout.write(notification_line(notify_editors(report.important_changes)))
        if report.rejected:
            message = _("%(count)s fichier(s) refusé(s) : voir plus haut.") % {"count": len(report.rejected)}
            if not dry_run:
                message += " " + _("Les autres fiches sont importées.")
            raise CommandError(message, returncode=SOME_FILES_REFUSED)
