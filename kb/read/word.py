"""Word files (.docx) -> sections: the body written as a web page and read as one by ``kb.read.html``.

python-docx reads the file. The document's own structure gives everything: the "Title" style is the page's
title, "Heading N" styles are headings one level below it, list styles (or numbering) are list items, tables
are tables with their first row as the header, and bold runs stay bold (a bold line of its own heads what
follows it, as on a web page). Running headers, footers and page numbers live in the sections' own parts,
outside the body, so they are never read; soft hyphens are dropped.
"""

from __future__ import annotations

import io
import zipfile
from html import escape

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from kb.read import grid, html
from kb.read.document import Document, DocumentError

LIST_STYLES = ("List", "Bullet")  # "List Bullet", "List Number 2", "List Paragraph"


def read(raw: bytes) -> Document:
    return html.read(to_html(raw))


def to_html(raw: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"is not a readable Word document ({exc})") from exc
    titled = any(p.style is not None and p.style.name == "Title" for p in document.paragraphs)
    parts = [_block(block, titled) for block in _body(document)]
    properties = document.core_properties
    head = f"<title>{escape(properties.title)}</title>" if properties.title else ""
    if date := properties.modified or properties.created:
        head += f'<meta name="date" content="{date.isoformat()}">'
    return f"<html><head>{head}</head><body>{''.join(parts)}</body></html>"


def _body(document: WordDocument) -> list[Paragraph | Table]:
    """The body's paragraphs and tables in document order."""
    blocks: list[Paragraph | Table] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            blocks.append(Paragraph(element, document))
        elif element.tag.endswith("}tbl"):
            blocks.append(Table(element, document))
    return blocks


def _block(block: Paragraph | Table, titled: bool) -> str:
    if isinstance(block, Table):
        return _table(block)
    text = _text(block)
    if not text:
        return ""
    style = block.style.name if block.style is not None else ""
    if style == "Title":
        return f"<h1>{escape(text)}</h1>"
    if style.startswith("Heading"):
        number = style.removeprefix("Heading").strip()
        level = min(int(number) + titled, 6) if number.isdigit() else 2
        return f"<h{level}>{escape(text)}</h{level}>"
    if any(word in style for word in LIST_STYLES) or block._p.pPr is not None and block._p.pPr.numPr is not None:
        return f"<ul><li>{escape(text)}</li></ul>"
    if all(run.bold for run in block.runs if run.text.strip()):
        return f"<p><strong>{escape(text)}</strong></p>"
    return f"<p>{escape(text)}</p>"


def _table(table: Table) -> str:
    """The table as HTML: its header is a row marked to repeat on each page, else as ``kb.read.grid`` tells."""
    cells = [_cells(row) for row in table.rows]
    rows = [[_text(cell) for cell in row] for row in cells]
    bold = [[_bold(cell) for cell in row] for row in cells]
    if not rows:
        return ""
    marked = table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    if marked or grid.has_header(bold):
        return grid.to_html(rows[0], rows[1:], grid.labels_rows(bold))
    return grid.to_html([], rows, grid.labels_rows(bold))


def _bold(cell) -> bool:
    """Whether a cell's text is all in bold (and it has some)."""
    runs = [run for paragraph in cell.paragraphs for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _cells(row) -> list:
    """A row's cells, a merged cell once (python-docx repeats it for each grid column it spans)."""
    cells = []
    for cell in row.cells:
        if not cells or cell._tc is not cells[-1]._tc:
            cells.append(cell)
    return cells


def _text(item) -> str:
    return " ".join(item.text.replace("\u00ad", "").split())
