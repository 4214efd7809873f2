"""Tables of the files that have no table markup of their meaning (PDF, Word) as HTML tables.

Such a file draws a table as a grid of cells; which row heads the columns and which column labels the rows
is shown by type, as a reader sees it: a first row in bold over rows that are not is the header (and a
grid with nothing in bold is taken to have one, the common case), and a first column in bold labels its
rows ("Median pay | $50,620").
"""

from __future__ import annotations

from html import escape


def has_header(bold: list[list[bool]]) -> bool:
    """Whether the first row heads the columns, given which cells are all in bold."""
    if not bold:
        return False
    if not any(map(any, bold)):
        return True
    return all(bold[0]) and not all(all(row) for row in bold[1:])


def labels_rows(bold: list[list[bool]]) -> bool:
    """Whether the first column labels the rows: in bold on every row, and not everything is."""
    return bool(bold) and all(row[0] for row in bold if row) and not all(all(row) for row in bold)


def to_html(header: list[str], rows: list[list[str]], labelled: bool) -> str:
    """The table as HTML for ``kb.read.html``: header cells as <th>, and, in a table without a header, each
    row's label as a <th> so the row is read as "Label: value"."""
    head = "<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in header) + "</tr>" if header else ""
    body = "".join(
        "<tr>"
        + "".join(
            f"<th>{escape(cell)}</th>" if j == 0 and labelled and not header else f"<td>{escape(cell)}</td>"
            for j, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table>{head}{body}</table>"
