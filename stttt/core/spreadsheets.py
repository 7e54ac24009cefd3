"""Safe spreadsheet cells: every CSV and XLSX export writes its cells through here.

A cell a user typed (an applicant's name, a unit's name, a report title) must never run as a formula when
the file is opened in a spreadsheet program (OWASP, "CSV Injection"). A text that starts with one of the
characters a spreadsheet reads as the start of a formula (`=`, `+`, `-`, `@`, tab, carriage return) is:

- in CSV, prefixed with a single quote `'`, so the program shows it as text (the OWASP advice);
- in XLSX, written as a text cell (type "s", never "f") with the "quote prefix" style, so the program keeps
  it as text even when the cell is edited, and the visible value stays exactly what was typed.

Numbers, dates and booleans are left as they are: they cannot hold a formula. JSON open data is not a
spreadsheet and is never altered (its consumers are programs that read values, not formulas).
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: Any) -> bool:
    """Whether a spreadsheet would read this value as the start of a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell: a risky text gets a leading `'`."""
    if value is None:
        return ""
    return "'" + value if is_risky(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def to_csv(header: Sequence[Any] | None, rows: Iterable[Iterable[Any]], *, bom: bool = True) -> bytes:
    """A whole CSV file (UTF-8, with a BOM so spreadsheets open it correctly), every cell neutralised."""
    return b"".join(csv_chunks(header, rows, bom=bom))


def csv_chunks(
    header: Sequence[Any] | None, rows: Iterable[Iterable[Any]], *, bom: bool = True, size: int = 64 * 1024
) -> Iterator[bytes]:
    """The same CSV file in pieces of about `size` bytes, read from `rows` as they come: a response streams
    it in constant memory however many rows there are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    if bom:
        buffer.write("\ufeff")
    if header is not None:
        writer.writerow(csv_row(header))
    for row in rows:
        writer.writerow(csv_row(row))
        if buffer.tell() >= size:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def xlsx_file(sheets: Iterable[tuple[str, Iterable[Iterable[Any]]]]) -> IO[bytes]:
    """An XLSX workbook of (title, rows) sheets written in openpyxl's write-only mode into a temporary file
    (rows are read as they come and not kept: constant memory), every text cell kept as text as `append`
    does. The file is returned open at its start, for a `FileResponse`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for values in rows:
            cells = []
            for value in values:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                    if is_risky(value):
                        cell.quotePrefix = True
                cells.append(cell)
            sheet.append(cells)
    output = tempfile.TemporaryFile()  # noqa: SIM115 - returned open; the response closes it
    book.save(output)
    output.seek(0)
    return output


def append(sheet: Any, values: Iterable[Any]) -> None:
    """`sheet.append(values)` for an openpyxl worksheet, with every text cell kept as text.

    openpyxl turns any string that starts with `=` into a formula cell; here every string becomes a text
    cell, and a risky one is also marked with the quote prefix."""
    values = list(values)
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            cell = sheet.cell(row=row, column=column)
            cell.data_type = "s"
            if is_risky(value):
                cell.quotePrefix = True


def live_formulas(content: bytes) -> list[str]:
    """The cells of an XLSX file that a spreadsheet would compute (type "f", or a text still read as one).

    Used by the tests of every export; empty when the file is safe."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    found = []
    for sheet in book.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                if cell.data_type == "f" or (is_risky(cell.value) and not cell.quotePrefix):
                    found.append(f"{sheet.title}!{cell.coordinate}")
    return found
