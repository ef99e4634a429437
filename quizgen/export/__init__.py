"""Quiz document (CONTRACT.md section 3) -> bytes, one module per format."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.export import json_doc, markdown

Exporter = Callable[[dict], bytes]

EXPORTERS: dict[str, Exporter] = {
    "json": json_doc.export,
    "md": markdown.export,
}


def export(document: dict, fmt: str) -> bytes:
    """Render a quiz document in one of the formats of EXPORTERS."""
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(sorted(EXPORTERS))}") from None
    return exporter(document)
