"""The quiz document itself, as UTF-8 JSON."""

from __future__ import annotations

import json


def export(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
