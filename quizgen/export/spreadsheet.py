"""Write rows of text to an ``.xlsx`` workbook, every string kept as text (never a formula)."""

from __future__ import annotations

import io

from openpyxl import Workbook


def workbook(rows: list[tuple[int, int, list]], title: str) -> bytes:
    """An .xlsx whose one sheet has each ``(row, first column, values)`` written in place."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = title
    for row, column, values in rows:
        for offset, value in enumerate(values):
            cell = sheet.cell(row=row, column=column + offset, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
