"""Read a PDF's bytes the simple way: its header, its trailer, and its pages.

WeasyPrint compresses objects into Flate streams, so pages are counted in the
decompressed streams as well as in the plain bytes.
"""

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def is_pdf(data):
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def decompressed_parts(data):
    """The PDF's plain bytes, then each of its Flate streams decompressed."""
    parts = [data]
    for match in _STREAM.finditer(data):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return parts


def page_count(data):
    return sum(len(_PAGE.findall(part)) for part in decompressed_parts(data))
