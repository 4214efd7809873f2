"""PDF files -> sections: the text layer, laid out again as a web page and read as one.

PDFium (Google's PDF library, through pypdfium2) gives each character with its font and place, and the
lines drawn on the page; it reads a page some fifteen times faster than the pure-Python pdfminer.six. A PDF
has no words, headings, paragraphs, tables or reading order of its own, only characters and strokes drawn
at places, so this module recovers them, each by a named rule:

- *words*: characters of one font and size, next to each other on one baseline;
- *tables*: ruled lines that cross one another make a table, their positions its rows and columns; the
  words inside a cell are its text;
- *running lines*: a line in the top or bottom margin that recurs on most pages (digits aside: "Page 3 of
  9"), or is a bare page number, is the page's furniture and is dropped;
- *columns*: a page whose lines leave a gutter down its middle is read column by column, left first, with
  full-width lines (a heading across both columns) between the bands they separate;
- *headings*: a line the file's bookmarks point to is a heading at their depth; a short line set larger
  than the body text is a heading, larger sizes at higher levels; a short line all in bold at the body's
  size is a heading below those;
- *paragraphs*: lines join into a paragraph until a wider gap, a change of font size, a bullet or a heading;
  a paragraph cut by a page break goes on when the next page goes on with it (a line starting in lower case);
- *hyphenation*: "occupa-" at a line's end joined with "tion" is "occupation"; a hyphen is kept where both
  halves are words and the join is not one ("well-known");
- *table headers*: told by bold type (``kb.read.grid``); a table that goes on over a page break is one
  table, its header repeated on the next page read once.

The result is written as HTML (headings, paragraphs, lists, tables) and read by ``kb.read.html``, so a PDF
gets the same section tree, table rows and subheadings as a saved web page.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from statistics import median

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kb import lexicon
from kb.read import grid, html
from kb.read.document import Document, DocumentError

MARGIN = 0.1  # of the page's height: where running headers and footers are drawn
RUNNING_SHARE = 0.5  # a margin line on at least this share of the pages (and two) is a running line
PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
BULLETS = "•●▪■◦○‣⁃–-*·"
NUMBERED = re.compile(r"^\d{1,2}[.)]$")
LIST_MARK = re.compile(r"^(?:[•●▪■◦○‣⁃–*·-]|\d{1,2}[.)])\s*")
UNMAPPED = re.compile(r"^\(cid:\d+\)$")  # a glyph without a character: bullets of symbol fonts
HEADING_SIZE = 1.15  # a line at least this much larger than the body text is a heading
MAX_HEADING_WORDS = 14
PARAGRAPH_GAP = 1.25  # a gap between lines this many times the body's line spacing starts a paragraph
GUTTER = (0.35, 0.65)  # where a two-column page's gutter may lie, as shares of the page's width
RULE = 2.0  # points: a stroke this thin is a rule; rules this close are one
LINE_TOLERANCE = 0.5  # of a word's font size: words whose tops differ less are on one line


@dataclass
class Line:
    words: list[dict]
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    page: int
    bookmarked: int | None = None  # the depth of the file's bookmark to this line, when it has one

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass
class Table:
    rows: list[list[str]]
    bold: list[list[bool]]  # each cell is all in bold
    top: float
    x0: float
    x1: float
    page: int
    bottom: float = 0.0
    first_on_page: bool = False
    header: list[str] = field(default_factory=list)


def read(raw: bytes) -> Document:
    return html.read(to_html(raw))


def to_html(raw: bytes) -> str:
    """The PDF's content as an HTML page; a DocumentError when it has no text to read."""
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"is not a readable PDF ({exc})") from exc
    try:
        metadata = pdf.get_metadata_dict()
        pages, heights = [], []
        for number in range(len(pdf)):
            page = pdf[number]
            heights.append(page.get_height())
            pages.append(_page_items(page, number))
        _mark_bookmarked(pages, pdf)
    finally:
        pdf.close()
    if not any(items for items in pages):
        raise DocumentError("has no text layer (a scanned PDF?): it needs OCR, text recognition, to be read")
    pages = _without_running_lines(pages, heights)
    items = [item for page in pages for item in page]
    body = _body_size(items)
    return _html(items, body, _heading_levels(items, body), _head(metadata))


def _mark_bookmarked(pages: list[list[Line | Table]], pdf: pdfium.PdfDocument) -> None:
    """The lines the file's bookmarks (its outline) point to are headings, at the bookmarks' depths: the
    file's own structure, where its type alone may not show one (a heading set as the body is)."""
    for bookmark in pdf.get_toc():
        destination = bookmark.get_dest()
        page = destination.get_index() if destination is not None else None
        if page is None or not 0 <= page < len(pages):
            continue
        title = _squash(bookmark.get_title() or "").lower()
        line = next((i for i in pages[page] if isinstance(i, Line) and i.text.lower() == title), None)
        if line is not None:
            line.bookmarked = bookmark.level


# -- a page's words, lines and tables, in reading order ---------------------------------------------------


def _page_items(page: pdfium.PdfPage, number: int) -> list[Line | Table]:
    height = page.get_height()
    words = _words(page.get_textpage(), height)
    tables = [_table_of(grid_lines, words, number) for grid_lines in _grids(page, height)]
    boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    lines = _lines([w for w in words if not any(_inside(w, box) for box in boxes)], number)
    ordered = _reading_order([*lines, *tables], page.get_width())
    if ordered and isinstance(ordered[0], Table):
        ordered[0].first_on_page = True
    return ordered


SPACES = {0, 0xFFFE, 0xFFFF}  # no character, or none PDFium could map


def _words(text: pdfium.PdfTextPage, height: float) -> list[dict]:
    """The page's words: characters of one font and size, each close after the one before on one baseline.
    Positions are measured from the page's top, ``top`` and ``bottom`` from the baseline and the size, so
    that every word of a line has the same, whatever its letters.

    PDFium is asked directly, with buffers made once per page, and the font of each text object once (every
    character of one has the same): the per-character calls are most of the time a PDF takes to read."""
    words: list[dict] = []
    raw = text.raw
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    fonts: dict[int | None, tuple[str, float]] = {}
    current: dict | None = None
    for i in range(text.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        char = "-" if code == 2 else chr(code)  # PDFium marks a hyphen ending a line as 0x02
        if code in SPACES or char.isspace() or pdfium_c.FPDFText_IsGenerated(raw, i):
            current = None
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, i, box)  # the advance, not the glyph: "1" is narrow
        left, right = box.left, box.right
        pdfium_c.FPDFText_GetCharOrigin(raw, i, at_x, at_y)
        owner = _text_object(raw, i)
        if owner not in fonts or owner is None:
            fonts[owner] = _font(raw, i)
        font, size = fonts[owner]
        base = height - y.value
        if (
            current is not None
            and current["fontname"] == font
            and current["size"] == size
            and abs(current["base"] - base) < size * 0.2
            and -size * 0.2 <= left - current["x1"] < size * 0.25
        ):
            current["text"] += char
            current["x1"] = max(current["x1"], right)
            continue
        current = {"text": char, "x0": left, "x1": right, "base": base, "size": size, "fontname": font}
        current.update(top=base - size * 0.8, bottom=base + size * 0.2)
        words.append(current)
    return words


_text_object = ctypes.cast(  # the address of a character's text object, as a number to key a dict by
    pdfium_c.FPDFText_GetTextObject, ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)
)


def _font(raw: pdfium_c.FPDF_TEXTPAGE, index: int) -> tuple[str, float]:
    """The font name (with "-Bold" when its weight says so and its name does not) and size of a character."""
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(raw, index, name, len(name), ctypes.byref(flags))
    font = name.value.decode("latin-1")
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= 600 and not _is_bold(font):
        font += "-Bold"
    return font, round(pdfium_c.FPDFText_GetFontSize(raw, index), 1)


def _grids(page: pdfium.PdfPage, height: float) -> list[tuple[list[float], list[float]]]:
    """The page's ruled tables, each as the y of its horizontal rules and the x of its vertical ones: the
    rules that cross one another, in groups of at least two of each."""
    across: list[tuple[float, float, float]] = []  # (y, x0, x1)
    down: list[tuple[float, float, float]] = []  # (x, top, bottom)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for shape in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = shape.get_bounds()
        top, bottom = height - top, height - bottom
        if bottom - top <= RULE and right - left > RULE:
            across.append(((top + bottom) / 2, left, right))
        elif right - left <= RULE and bottom - top > RULE:
            down.append(((left + right) / 2, top, bottom))
        elif pdfium_c.FPDFPath_GetDrawMode(shape.raw, ctypes.byref(fill), ctypes.byref(stroke)) and stroke.value:
            across += [(top, left, right), (bottom, left, right)]  # a framed box: its four sides
            down += [(left, top, bottom), (right, top, bottom)]
    groups: list[tuple[set[int], set[int]]] = []
    for a, (y, x0, x1) in enumerate(across):
        crossing = {d for d, (x, t, b) in enumerate(down) if x0 - RULE <= x <= x1 + RULE and t - RULE <= y <= b + RULE}
        joined = [g for g in groups if g[1] & crossing]
        merged = ({a}.union(*(g[0] for g in joined)), crossing.union(*(g[1] for g in joined)))
        groups = [g for g in groups if g not in joined] + [merged]
    return [
        (_merged(across[a][0] for a in rows), _merged(down[d][0] for d in columns))
        for rows, columns in groups
        if len(rows) >= 2 and len(columns) >= 2
    ]


def _merged(positions) -> list[float]:
    """Sorted positions, those closer than a rule's width to the one before counted once."""
    kept: list[float] = []
    for position in sorted(positions):
        if not kept or position - kept[-1] > RULE:
            kept.append(position)
    return kept


def _table_of(grid_lines: tuple[list[float], list[float]], words: list[dict], page: int) -> Table:
    """A ruled table's cells, each the words whose middle lies in it, in reading order."""
    ys, xs = grid_lines
    cells: list[list[list[dict]]] = [[[] for _ in xs[1:]] for _ in ys[1:]]
    for word in words:
        middle_x, middle_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        row = next((r for r in range(len(ys) - 1) if ys[r] <= middle_y < ys[r + 1]), None)
        column = next((c for c in range(len(xs) - 1) if xs[c] <= middle_x < xs[c + 1]), None)
        if row is not None and column is not None:
            cells[row][column].append(word)
    rows = [[" ".join(w["text"] for w in sorted(cell, key=lambda w: (w["top"], w["x0"]))) for cell in r] for r in cells]
    bold = [[bool(cell) and all(_is_bold(w["fontname"]) for w in cell) for cell in r] for r in cells]
    return Table(rows, bold, ys[0], xs[0], xs[-1], page, bottom=ys[-1])


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x, middle_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _lines(words: list[dict], page: int) -> list[Line]:
    """Words grouped into lines: the words whose tops are within a fraction of their size of each other,
    split where a wide gap separates them (two columns side by side are two lines)."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE * word["size"]:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        start = 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i]["x0"] - row[i - 1]["x1"] > 2.5 * row[i]["size"]:
                lines.append(_line(row[start:i], page))
                start = i
    return lines


def _line(words: list[dict], page: int) -> Line:
    sizes = Counter()
    for w in words:
        sizes[round(float(w["size"]), 1)] += len(w["text"])
    return Line(
        words=words,
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        x0=min(w["x0"] for w in words),
        x1=max(w["x1"] for w in words),
        size=sizes.most_common(1)[0][0],
        bold=all(_is_bold(w["fontname"]) for w in words),
        page=page,
    )


def _is_bold(font: str) -> bool:
    return bool(re.search(r"bold|black|heavy|semibold|demi", font, re.I))


def _reading_order(items: list[Line | Table], width: float) -> list[Line | Table]:
    """Top to bottom; on a page with a gutter, each band between full-width items left column first."""
    items = sorted(items, key=lambda i: (i.top, i.x0))
    gutter = _gutter([i for i in items if isinstance(i, Line)], width)
    if gutter is None:
        return items
    ordered: list[Line | Table] = []
    left: list[Line | Table] = []
    right: list[Line | Table] = []
    for item in items:
        if item.x1 <= gutter:
            left.append(item)
        elif item.x0 >= gutter:
            right.append(item)
        else:  # across the gutter: it ends the band above it
            ordered += left + right + [item]
            left, right = [], []
    return ordered + left + right


def _gutter(lines: list[Line], width: float) -> float | None:
    """The x of a gutter between two columns: a place near the middle no line crosses, with several lines
    on each side of it; None on a page of one column."""
    if len(lines) < 6:
        return None
    best: tuple[int, float] | None = None
    for step in range(int(GUTTER[0] * 100), int(GUTTER[1] * 100) + 1):
        x = width * step / 100
        crossing = sum(1 for line in lines if line.x0 < x < line.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    crossing, x = best
    left = sum(1 for line in lines if line.x1 <= x)
    right = sum(1 for line in lines if line.x0 >= x)
    if crossing <= len(lines) * 0.2 and left >= 3 and right >= 3:
        return x
    return None


def _without_running_lines(pages: list[list[Line | Table]], heights: list[float]) -> list[list[Line | Table]]:
    """Each page without its running headers and footers and its page numbers."""

    def in_margin(item: Line | Table) -> bool:
        height = heights[item.page]
        return isinstance(item, Line) and (item.bottom < height * MARGIN or item.top > height * (1 - MARGIN))

    def shape(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.lower())

    recurring = Counter(s for page in pages for s in {shape(i) for i in page if in_margin(i)})
    least = max(2, RUNNING_SHARE * len(pages))
    return [
        [i for i in page if not (in_margin(i) and (recurring[shape(i)] >= least or PAGE_NUMBER.match(i.text.strip())))]
        for page in pages
    ]


# -- fonts: the body's size and the headings' levels ------------------------------------------------------


def _body_size(items: list[Line | Table]) -> float:
    sizes = Counter()
    for line in items:
        if isinstance(line, Line):
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _is_heading(line: Line, body: float) -> bool:
    """A line a bookmark points to; a short line set larger than the body, or in bold at least as large,
    without a sentence's end."""
    if line.bookmarked is not None:
        return True
    text = line.text
    words = text.split()
    if not words or len(words) > MAX_HEADING_WORDS or _bullet(line) or not re.search(r"[A-Za-z]", text):
        return False
    if line.size >= body * HEADING_SIZE:
        return True
    return line.bold and line.size > body - 0.5 and text[-1] not in ".:;,!"


def _heading_levels(items: list[Line | Table], body: float) -> dict[float, int]:
    """Each heading size's level, larger sizes first, bold body text last. The largest size is the title's
    (level 1) only when it heads the document once; a size that heads several parts is a section's."""
    heads = [isinstance(i, Line) and _is_heading(i, body) for i in items]
    sizes = sorted({i.size for i, head in zip(items, heads, strict=True) if head and i.size > body + 0.4}, reverse=True)
    starts = [  # a heading wrapped over two lines starts once
        i for k, i in enumerate(items) if heads[k] and not (k and heads[k - 1] and items[k - 1].size == i.size)
    ]
    titled = bool(sizes) and sum(h.size == sizes[0] for h in starts) == 1
    first = 1 if titled else 2
    levels = {size: min(n + first, 6) for n, size in enumerate(sizes)}
    levels[body] = min(len(sizes) + first, 6)
    return levels


# -- writing the page --------------------------------------------------------------------------------------


def _head(metadata: dict) -> str:
    """The file's title and date, as a web page's head gives them."""
    head = []
    if isinstance(title := metadata.get("Title"), str) and title.strip():
        head.append(f"<title>{escape(title)}</title>")
    for key in ("ModDate", "CreationDate"):
        if isinstance(date := metadata.get(key), str) and date.strip():
            head.append(f'<meta name="date" content="{escape(date)}">')
            break
    return "".join(head)


def _html(items: list[Line | Table], body: float, levels: dict[float, int], head: str) -> str:
    out: list[str] = []
    paragraph: list[Line] = []
    heading: list[Line] = []
    spacing = _line_spacing(items, body)

    def close() -> None:
        nonlocal paragraph, heading
        if heading:
            level = levels.get(heading[0].size, levels[body])
            if heading[0].bookmarked is not None:  # the outline's top entries are the title's sections
                level = min(heading[0].bookmarked + 2, 6)
            out.append(f"<h{level}>{escape(_joined(heading))}</h{level}>")
        if paragraph:
            text = _joined(paragraph)
            if _bullet(paragraph[0]):
                out.append(f"<ul><li>{escape(LIST_MARK.sub('', text))}</li></ul>")
            else:
                out.append(f"<p>{escape(text)}</p>")
        paragraph, heading = [], []

    last: Line | Table | None = None
    for item in items:
        if isinstance(item, Table):
            close()
            _table(item, last if isinstance(last, Table) else None, out)
        elif _is_heading(item, body):
            if not (heading and heading[-1].size == item.size and item.top - heading[-1].bottom < item.size):
                close()
            heading.append(item)
        elif paragraph and _continues(paragraph, item, spacing):
            paragraph.append(item)
        else:
            close()
            paragraph = [item]
        last = item
    close()
    return f"<html><head>{head}</head><body>{''.join(out)}</body></html>"


def _line_spacing(items: list[Line | Table], body: float) -> float:
    gaps = [
        b.top - a.top
        for a, b in zip(items, items[1:], strict=False)
        if isinstance(a, Line)
        and isinstance(b, Line)
        and a.page == b.page
        and a.size == b.size == body > 0
        and b.top > a.top
    ]
    return median(gaps) if gaps else body * 1.2


def _continues(paragraph: list[Line], line: Line, spacing: float) -> bool:
    """Whether ``line`` goes on with the paragraph: the next line of its sentence, as close as its lines are,
    and, for a list item, indented as far as the item's text (the text after a list is not the item's)."""
    first, last = paragraph[0], paragraph[-1]
    if _bullet(line) or abs(line.size - last.size) >= 0.5 or line.bold != last.bold:
        return False
    if _bullet(first) and len(first.words) > 1 and line.x0 < first.words[1]["x0"] - 2:
        return False
    if line.page != last.page:  # the next page goes on with an unfinished sentence
        return bool(re.match(r"[a-z]", line.text)) and last.text[-1:] not in ".!?:"
    gap = line.top - last.top
    return 0 < gap <= spacing * PARAGRAPH_GAP or (gap <= 0 and line.x0 > last.x1)


def _bullet(line: Line) -> bool:
    """Whether a line starts with a bullet (or a list number)."""
    first = line.words[0]["text"]
    return bool(first in BULLETS or NUMBERED.match(first) or UNMAPPED.match(first) or first[0] in "•●▪■◦○‣⁃·")


def _joined(lines: list[Line]) -> str:
    """The lines' text as one, words broken across line ends with a hyphen joined again."""
    text = lines[0].text
    for line in lines[1:]:
        following = line.text
        broken = re.search(r"(\w+)-$", text)
        first = re.match(r"([a-z]\w*)", following)
        if broken and first and _is_broken_word(broken.group(1), first.group(1)):
            text = text[:-1] + following
        else:
            text = f"{text} {following}"
    return _squash(re.sub(r"\(cid:\d+\)", "", text.replace("\u00ad", "")))


def _is_broken_word(before: str, after: str) -> bool:
    words = lexicon.load()
    joined = before + after
    return words.is_word(joined) or not (words.is_word(before) and words.is_word(after))


def _table(table: Table, previous: Table | None, out: list[str]) -> None:
    """Writes a table (``kb.read.grid`` tells its header and row labels); a table going on from the previous
    page keeps that page's header, and drops it where it is repeated."""
    kept = [i for i, row in enumerate(table.rows) if any(row)]
    rows = [table.rows[i] for i in kept]
    bold = [table.bold[i] for i in kept]
    goes_on = (
        previous is not None
        and table.first_on_page
        and table.page == previous.page + 1
        and rows
        and len(rows[0]) == len(previous.header)
    )
    if goes_on:
        table.header = previous.header
        if rows[0] == previous.header:
            rows = rows[1:]
    elif rows and grid.has_header(bold):
        table.header, rows = rows[0], rows[1:]
    out.append(grid.to_html(table.header, rows, grid.labels_rows(bold)))


def _squash(text: str) -> str:
    return " ".join(text.split())
