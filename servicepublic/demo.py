"""Demo content: the 8 official sheets shared with the project (DILA XML, 2019–2020), imported
as the daily synchronisation would. A second run changes nothing."""

from pathlib import Path

from .importer import import_sheets

DEMO_XML = Path(__file__).resolve().parent / "data" / "xml"


def load(stdout):
    report = import_sheets([DEMO_XML])
    stdout.write(f"servicepublic: {report.summary()}")
