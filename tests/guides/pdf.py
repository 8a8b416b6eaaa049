"""Read a PDF's bytes the simple way: its header, its trailer, and its pages.

WeasyPrint compresses objects into Flate streams, so pages are counted in the
decompressed streams as well as in the plain bytes.
"""

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
# A stream whose dictionary gives its length: read exactly that many bytes (its compressed data
# may itself hold the bytes "endstream").
_SIZED_STREAM = re.compile(rb"/Length\s+(\d+)(?:(?!>>).)*>>\s*stream\r?\n", re.S)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def is_pdf(data):
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def decompressed_parts(data):
    """The PDF's plain bytes, then each of its Flate streams decompressed."""
    parts = [data]
    streams = [
        data[match.end() : match.end() + int(match.group(1))] for match in _SIZED_STREAM.finditer(data)
    ]
    streams = streams or [match.group(1) for match in _STREAM.finditer(data)]
    for stream in streams:
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return parts


def page_count(data):
    return sum(len(_PAGE.findall(part)) for part in decompressed_parts(data))
