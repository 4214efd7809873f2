"""Real PDF and Word files for the tests of the PDF and DOCX readers, written with the formats' own writers
(reportlab's platypus for PDF, python-docx for Word) from a small list of blocks: headings, paragraphs, bullet
lists and tables.

The files look like the ones operators hold: a PDF has a title page, a running header and a "Page N" footer on
every later page, bold headings set larger than the body, ruled tables whose header row is repeated after a page
break, and, on request, two columns and words hyphenated across line ends; a Word file has the Title, Heading and
List Bullet styles, "Table Grid" tables, and its running header and page number in the section's header and
footer. ``write_scanned_pdf`` makes a PDF with no text layer, as a scanner does. ``convert_page`` turns a page of
the real corpus (HTML or Markdown) into either format. Not part of the shipped bot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from html import escape
from pathlib import Path

import docx
import markdown
from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PIL import Image, ImageDraw
from reportlab import platypus
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LABEL = "header cell"  # a row's label is set as the header's cells are
CREATED = datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc)  # every file's creation date, so files are reproducible


@dataclass(frozen=True)
class Heading:
    level: int  # 1, 2 or 3: Heading 1 is the biggest heading below the document's title
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    bold: bool = False  # all in bold, as a paragraph that is one <strong> phrase


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    labelled: bool = False  # each row's first cell labels it (a <th>), set in bold as browsers show it


@dataclass(frozen=True)
class ColumnBreak:
    """The rest goes on at the top of the next column (of the next page, on a one-column page)."""


Block = Heading | Paragraph | Bullets | Table | ColumnBreak

# ---------------------------------------------------------------------------------------------------------------
# Web pages -> blocks

DROPPED = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"]
CHROME = re.compile(r"cookie|consent|menu|nav|share|sharing|social|sidebar|breadcrumb", re.IGNORECASE)
PAGE_ENDS = {"header", "footer"}  # the site's, unless inside a landmark: then they belong to its content
LANDMARKS = {"article", "main", "section"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TEXT = {"p", "dt", "dd", "blockquote", "pre"}
BOLD = {"strong", "b"}
CHROME_ROLES = {"navigation", "menu", "menubar", "banner", "contentinfo", "complementary"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip


def blocks_from_html(html: str) -> list[Block]:
    """A page's own content as blocks, in document order: h1-h3 headings (h4-h6 as level 3), paragraphs, list
    items, and tables with their <th> row as the header; scripts, styles, navigation, the site's header and
    footer, asides, forms, and anything whose id or class says cookie, menu, nav, share or sidebar are left out.
    A Markdown page can be rendered first with ``markdown.markdown(text, extensions=["tables"])``."""
    return [_clamped(block) for block in _page_blocks(html)]


def page_document(html: str) -> tuple[str | None, list[Block]]:
    """A page as a report: its first h1 is the title (None when it has no h1), and the other headings move up so
    that the highest of them is Heading 1 (h2 is Heading 1 under an h1), as a report has its title on the title
    page and its chapters as Heading 1."""
    blocks = _page_blocks(html)
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), None)
    title = None
    if first is not None:
        heading = blocks.pop(first)
        assert isinstance(heading, Heading)
        title = heading.text
    top = min((b.level for b in blocks if isinstance(b, Heading)), default=1)
    return title, [_clamped(Heading(b.level - top + 1, b.text) if isinstance(b, Heading) else b) for b in blocks]


def _clamped(block: Block) -> Block:
    return Heading(min(block.level, 3), block.text) if isinstance(block, Heading) else block


def _page_blocks(html: str) -> list[Block]:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROPPED):
        if tag.name in PAGE_ENDS and tag.find_parent(LANDMARKS) is not None:
            continue  # an article's own header (its title) or footer
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all(_is_chrome):
        if not tag.decomposed:
            tag.decompose()
    return list(_blocks(soup.body or soup))


def _is_chrome(tag: Tag) -> bool:
    """The site around the content: an element whose id or class names it as a cookie banner, menu, navigation,
    sharing box or sidebar, or whose role is one of those; and a list of nothing but short links (a menu)."""
    if tag.name in ("html", "body", "main", "article"):
        return False
    if tag.name in ("ul", "ol") and _is_menu(tag):
        return True
    if str(tag.get("role", "")).lower() in CHROME_ROLES:
        return True
    described = " ".join([str(tag.get("id", "")), *tag.get("class", [])])
    return bool(CHROME.search(described))


def _is_menu(listing: Tag) -> bool:
    items = listing.find_all("li", recursive=False)
    return len(items) >= 2 and all(
        (link := item.find("a")) is not None and _text(link) == _text(item) and 0 < len(_text(item).split()) <= 6
        for item in items
    )


def _blocks(node: Tag) -> Iterator[Block]:
    for child in node.children:
        if not isinstance(child, Tag):
            if isinstance(child, NavigableString) and child.strip() and node.name in ("body", "[document]"):
                yield Paragraph(_squash(str(child)))  # bare text of the page, as Markdown's first line
            continue
        if child.name in HEADINGS:
            if text := _text(child):
                yield Heading(HEADINGS[child.name], text)
        elif child.name in ("ul", "ol"):
            if items := tuple(_items(child)):
                yield Bullets(items)
        elif child.name == "table":
            caption = child.find("caption", recursive=False)
            if caption is not None and (text := _text(caption)):
                yield Paragraph(text)
            if table := _table(child):
                yield table
        elif child.name == "dl":
            yield from _definitions(child)
        elif child.name in TEXT:
            yield from _paragraphs(child)
        else:
            yield from _blocks(child)


def _paragraphs(tag: Tag) -> Iterator[Paragraph]:
    """A paragraph, split where a <br> or a bold label opening a source line ("**Tuition:** ...") starts a line."""
    bold = _all_bold(tag)
    lines: list[list[str]] = [[]]
    for child in tag.children:
        starts = isinstance(child, Tag) and (
            child.name == "br"
            or (
                child.name in BOLD
                and isinstance(child.previous_sibling, NavigableString)
                and child.previous_sibling.rstrip(" \t").endswith("\n")
            )
        )
        if starts:
            lines.append([])
        if isinstance(child, Tag) and child.name in ("ul", "ol", "table"):
            continue
        lines[-1].append(_inline(child))
    for parts in lines:
        if text := _squash("".join(parts)):
            yield Paragraph(text, bold=bold)


def _definitions(listing: Tag) -> Iterator[Paragraph]:
    """A definition list as "Term: definition" lines, as a document writes a label and its value."""
    for item in listing.find_all(["dt", "dd"], recursive=False):
        following = item.find_next_sibling(["dt", "dd"])
        if item.name == "dt" and following is not None and following.name == "dd":
            continue  # written with its definition
        term = item.find_previous_sibling(["dt", "dd"]) if item.name == "dd" else None
        label = f"{_text(term)}: " if term is not None and term.name == "dt" else ""
        if text := _text(item):
            yield Paragraph(label + text)


def _all_bold(tag: Tag) -> bool:
    inner = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return len(inner) == 1 and isinstance(inner[0], Tag) and inner[0].name in BOLD


def _items(listing: Tag) -> Iterator[str]:
    """A list's items, those of lists nested in them after their item."""
    for item in listing.find_all("li", recursive=False):
        own = "".join(_inline(c) for c in item.children if not (isinstance(c, Tag) and c.name in ("ul", "ol")))
        if text := _squash(own):
            yield text
        for nested in item.find_all(["ul", "ol"], recursive=False):
            yield from _items(nested)


def _table(table: Tag) -> Table | None:
    rows = [
        [_text(cell) for cell in row.find_all(["th", "td"], recursive=False)]
        for row in table.find_all("tr")
        if row.find_parent("table") is table
    ]
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    first = next(row for row in table.find_all("tr") if row.find_parent("table") is table)
    header_cells = first.find_all(["th", "td"], recursive=False)
    if header_cells and all(cell.name == "th" for cell in header_cells):
        header, body = rows[0], rows[1:]
    else:
        header, body = [""] * max(len(r) for r in rows), rows
    width = max(len(header), *(len(r) for r in body)) if body else len(header)
    pad = lambda row: tuple(row + [""] * (width - len(row)))  # noqa: E731
    body_rows = [r for r in table.find_all("tr") if r.find_parent("table") is table][1 if any(header) else 0 :]
    labelled = bool(body_rows) and all(
        (cells := r.find_all(["th", "td"], recursive=False)) and cells[0].name == "th" for r in body_rows
    )
    return Table(pad(header), tuple(pad(row) for row in body), labelled)


def _text(tag: Tag) -> str:
    return _squash(_inline(tag))


def _inline(element: PageElement) -> str:
    """The text under an element as a browser shows it: the page's own spaces, and a space where a block or a line
    break separates two runs of text; comments and the like vanish."""
    if isinstance(element, PreformattedString):
        return ""
    if isinstance(element, NavigableString):
        return str(element)
    if not isinstance(element, Tag):
        return ""
    inner = "".join(_inline(child) for child in element.children)
    return f" {inner} " if element.name in BLOCK_TAGS else inner


def _squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------------------------
# Hyphenation

HYPHENATED_LENGTH = 8  # only words of at least this many letters are broken over a line end
VOWELS = set("aeiouAEIOU")


def hyphenations(blocks: list[Block], *, two_columns: bool = False) -> list[str]:
    """The words ``write_pdf(blocks, ..., hyphenate=True)`` breaks over a line end, each with its hyphen where the
    line ends ("occupa-tional"): in each paragraph, the first long word that the paragraph's layout carries to the
    start of a line when the line before has room for the word's first syllables and a hyphen, as a typesetter
    hyphenates."""
    width = _text_width(two_columns)
    broken = []
    for block in blocks:
        if isinstance(block, Paragraph) and not block.bold and (found := _hyphenation(block.text, width)):
            index, cut = found
            word = block.text.split()[index]
            broken.append(f"{word[:cut]}-{word[cut:]}")
    return broken


def _hyphenation(text: str, width: float) -> tuple[int, int] | None:
    """Which word of the paragraph's text (its index among the words) to break over a line end, and after how
    many letters; None when no line end has a long word to break."""
    laid_out = platypus.Paragraph(escape(text, quote=False), _styles()["body"]).breakLines([width])
    if laid_out.kind != 0:
        return None
    space = stringWidth(" ", BODY_FONT, BODY_SIZE)
    index = 0
    for (room, before), (_, line) in zip(laid_out.lines, laid_out.lines[1:], strict=False):
        index += len(before)
        word = re.fullmatch(rf"([A-Za-z]{{{HYPHENATED_LENGTH},}})[,.;:]?", line[0])
        if not word:
            continue
        letters = word.group(1)
        cuts = [
            cut
            for cut in range(3, len(letters) - 2)
            if _syllable_starts(letters, cut) and stringWidth(letters[:cut] + "-", BODY_FONT, BODY_SIZE) <= room - space
        ]
        if cuts:
            return index, max(cuts)
    return None


def _syllable_starts(letters: str, cut: int) -> bool:
    """A rough syllable boundary: a consonant and a vowel start the second half ("occupa-tional", "protec-tion"),
    the first not ending in two consonants ("in-struction", not "inst-ruction")."""
    consonant = [c not in VOWELS for c in letters]
    return consonant[cut] and not consonant[cut + 1] and not (consonant[cut - 1] and consonant[cut - 2])


def _markup(text: str, width: float | None) -> str:
    """A paragraph's text as reportlab's markup; with a ``width``, its hyphenated word (if any) broken by a hyphen
    and a line break where the line would have ended."""
    found = _hyphenation(text, width) if width else None
    if not found:
        return escape(text, quote=False)
    index, cut = found
    words = text.split()
    word = words[index]
    words[index] = f"{escape(word[:cut], quote=False)}-<br/>{escape(word[cut:], quote=False)}"
    return " ".join(w if i == index else escape(w, quote=False) for i, w in enumerate(words))


# ---------------------------------------------------------------------------------------------------------------
# PDF

PAGE_MARGIN = 72.0
GUTTER = 24.0
HEADER_Y = 40.0  # the running header's baseline, from the page's top
FOOTER_Y = 36.0  # the footer's baseline, from the page's bottom
BODY_FONT, BOLD_FONT = "Helvetica", "Helvetica-Bold"
BODY_SIZE = 10.5
HEADING_SIZES = {1: 16.0, 2: 13.0, 3: 11.5}
TITLE_SIZE, SUBTITLE_SIZE = 26.0, 13.0
RUNNING_SIZE = 8.0
CELL_SIZE = 9.0
FRAME_PADDING = 6.0  # reportlab's frames keep this much inside their edges
BULLET_FONT = "Symbol"  # as Word's PDFs draw bullets; its bullet reads back as "\u2022" (Helvetica's does not)


def _column_width(two_columns: bool) -> float:
    inner = LETTER[0] - 2 * PAGE_MARGIN
    return (inner - GUTTER) / 2 if two_columns else inner


def _text_width(two_columns: bool) -> float:
    """The width a paragraph is set in: its frame's, less the frame's padding."""
    return _column_width(two_columns) - 2 * FRAME_PADDING


@cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3, spaceAfter=6)
    cell = ParagraphStyle("cell", fontName=BODY_FONT, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2)
    styles = {
        "body": body,
        "strong": ParagraphStyle("strong", parent=body, fontName=BOLD_FONT),
        "item": ParagraphStyle("item", parent=body, spaceAfter=2),
        "cell": cell,
        "header cell": ParagraphStyle("header cell", parent=cell, fontName=BOLD_FONT),
        "title": ParagraphStyle("title", fontName=BOLD_FONT, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.2),
        "subtitle": ParagraphStyle("subtitle", fontName=BODY_FONT, fontSize=SUBTITLE_SIZE, leading=SUBTITLE_SIZE * 1.3),
    }
    for level, size in HEADING_SIZES.items():
        styles[f"h{level}"] = ParagraphStyle(
            f"h{level}",
            fontName=BOLD_FONT,
            fontSize=size,
            leading=size * 1.25,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        )
    return styles


def write_pdf(
    blocks: list[Block],
    path: Path,
    *,
    title_page: str | None,
    running_header: str,
    two_columns: bool = False,
    hyphenate: bool = True,
    subtitle: str | None = None,
) -> Path:
    """A PDF of the blocks: a title page (when ``title_page`` is the title: the title large and bold, and a
    subtitle line), then body pages with ``running_header`` at the top and "Page N" at the bottom, drawn on every
    page but the title page; on two columns side by side when ``two_columns``; with a long word of a paragraph
    broken over a line end when ``hyphenate`` (see ``hyphenations``). The metadata has the title and ``CREATED``
    as the creation date."""
    width, height = LETTER
    styles = _styles()
    inner = width - 2 * PAGE_MARGIN
    column = _column_width(two_columns)
    frames = [
        platypus.Frame(
            PAGE_MARGIN + i * (column + GUTTER), PAGE_MARGIN, column, height - 2 * PAGE_MARGIN, id=f"column{i}"
        )
        for i in range(2 if two_columns else 1)
    ]

    def furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
        canvas.saveState()
        canvas.setFont(BODY_FONT, RUNNING_SIZE)
        canvas.drawString(PAGE_MARGIN, height - HEADER_Y, running_header)
        canvas.setLineWidth(0.5)
        canvas.line(PAGE_MARGIN, height - HEADER_Y - 4, width - PAGE_MARGIN, height - HEADER_Y - 4)
        canvas.drawRightString(width - PAGE_MARGIN, FOOTER_Y, f"Page {canvas.getPageNumber()}")
        canvas.restoreState()

    def cover(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback
        stamp = CREATED.strftime("D:%Y%m%d%H%M%S+00'00'")  # the metadata's creation and modification dates
        canvas._doc.info._dateFormatter = lambda *_: stamp

    def page(canvas, doc) -> None:  # noqa: ANN001
        cover(canvas, doc)
        furniture(canvas, doc)

    title = title_page or next((b.text for b in blocks if isinstance(b, Heading)), None)
    doc = platypus.BaseDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=title or "",
        author=running_header,
        creator="tests.support.office",
        invariant=1,
    )
    templates = [platypus.PageTemplate(id="body", frames=frames, onPage=page)]
    story: list = []
    if title_page:
        cover_frame = platypus.Frame(PAGE_MARGIN, PAGE_MARGIN, inner, height - 2 * PAGE_MARGIN, id="cover")
        templates.insert(0, platypus.PageTemplate(id="cover", frames=[cover_frame], onPage=cover))
        story += [
            platypus.Spacer(1, 200),
            platypus.Paragraph(escape(title_page, quote=False), styles["title"]),
            platypus.Spacer(1, 18),
            platypus.Paragraph(escape(subtitle or f"Published {CREATED:%B %Y}", quote=False), styles["subtitle"]),
            platypus.NextPageTemplate("body"),
            platypus.PageBreak(),
        ]
    doc.addPageTemplates(templates)

    def grid(table: Table) -> platypus.Table:
        lengths = [
            max([len(table.header[i]), *(len(row[i]) for row in table.rows)], default=1)
            for i in range(len(table.header))
        ]
        weights = [min(max(n, 6), 40) for n in lengths]
        widths = [(column - 2 * FRAME_PADDING) * w / sum(weights) for w in weights]
        headed = any(table.header)
        data = (
            [[platypus.Paragraph(escape(h, quote=False), styles["header cell"]) for h in table.header]]
            if headed
            else []
        )
        data += [
            [
                platypus.Paragraph(escape(c, quote=False), styles[LABEL if j == 0 and table.labelled else "cell"])
                for j, c in enumerate(row)
            ]
            for row in table.rows
        ]
        shown = platypus.Table(data, colWidths=widths, repeatRows=1 if headed else 0, hAlign="LEFT")
        shown.setStyle(
            platypus.TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6") if headed else colors.white),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return shown

    for block in blocks:
        if isinstance(block, Heading):
            story.append(platypus.Paragraph(escape(block.text, quote=False), styles[f"h{block.level}"]))
        elif isinstance(block, Paragraph):
            story.append(
                platypus.Paragraph(
                    _markup(block.text, _text_width(two_columns) if hyphenate and not block.bold else None),
                    styles["strong" if block.bold else "body"],
                )
            )
        elif isinstance(block, Bullets):
            listed = [
                platypus.ListItem(
                    platypus.Paragraph(escape(text, quote=False), styles["item"]),
                    value="\u2022",
                    bulletFontName=BULLET_FONT,
                )
                for text in block.items
            ]
            story.append(
                platypus.ListFlowable(
                    listed,
                    bulletType="bullet",
                    start="\u2022",
                    leftIndent=14,
                    bulletFontName=BULLET_FONT,
                    bulletFontSize=BODY_SIZE,
                )
            )
            story.append(platypus.Spacer(1, 4))
        elif isinstance(block, Table):
            story += [grid(block), platypus.Spacer(1, 8)]
        elif isinstance(block, ColumnBreak):
            story.append(platypus.FrameBreak())
    doc.build(story)
    return path


def write_scanned_pdf(path: Path, *, pages: int = 2) -> Path:
    """A PDF as a scanner makes it: each page one greyscale picture of a printed page (dark bars where a heading
    and the lines of text are), and no text layer at all."""
    width, height = LETTER
    dpi = 100
    canvas = Canvas(str(path), pagesize=LETTER, invariant=1)
    canvas.setTitle("scan0001")
    canvas.setCreator("Scanner")
    for page in range(pages):
        picture = Image.new("L", (int(width / 72 * dpi), int(height / 72 * dpi)), 246)  # off-white paper
        draw = ImageDraw.Draw(picture)
        margin = dpi  # an inch
        draw.rectangle((margin, margin, margin + 380, margin + 24), fill=40)  # the heading
        y = margin + 70
        for line in range(40):
            if line % 8 == 7:
                y += 14  # a paragraph break
                continue
            ragged = 0 if line % 8 != 6 else 250 + 41 * ((line + page) % 3)
            draw.rectangle((margin, y, picture.width - margin - ragged, y + 9), fill=70 + 12 * ((line + page) % 3))
            y += 22
        canvas.drawImage(ImageReader(picture), 0, 0, width, height)
        canvas.showPage()
    canvas._doc.info._dateFormatter = lambda *_: CREATED.strftime("D:%Y%m%d%H%M%S+00'00'")
    canvas.save()
    return path


# ---------------------------------------------------------------------------------------------------------------
# Word


def write_docx(blocks: list[Block], path: Path, *, running_header: str, title: str | None = None) -> Path:
    """A Word file of the blocks: ``title`` (if any) in the Title style, headings in "Heading 1/2/3", bullets in
    "List Bullet", tables in "Table Grid" with a bold header row marked to repeat after a page break; the section's
    header holds ``running_header`` and its footer "Page " and a PAGE field. The core properties have the title and
    ``CREATED``."""
    document = docx.Document()
    if title:
        document.add_paragraph(title, style="Title")
    for block in blocks:
        if isinstance(block, Heading):
            document.add_paragraph(block.text, style=f"Heading {block.level}")
        elif isinstance(block, Paragraph):
            document.add_paragraph().add_run(block.text).bold = block.bold or None
        elif isinstance(block, Bullets):
            for text in block.items:
                document.add_paragraph(text, style="List Bullet")
        elif isinstance(block, Table):
            headed = any(block.header)
            rows = [block.header, *block.rows] if headed else list(block.rows)
            table = document.add_table(rows=len(rows), cols=len(block.header))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    run = table.cell(r, c).paragraphs[0].add_run(text)
                    run.bold = (headed and r == 0) or (block.labelled and c == 0 and (r > 0 or not headed)) or None
            if headed:
                properties = table.rows[0]._tr.get_or_add_trPr()
                repeat = OxmlElement("w:tblHeader")
                repeat.set(qn("w:val"), "true")
                properties.append(repeat)
        elif isinstance(block, ColumnBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.COLUMN)

    section = document.sections[0]
    section.header.paragraphs[0].text = running_header
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = footer.add_run("1" if text == "1" else None)  # each part of the field in a run of its own, as Word
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)
        elif text != "1":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
            run._r.append(element)

    properties = document.core_properties
    properties.title = title or next((b.text for b in blocks if isinstance(b, Heading)), "")
    properties.author = running_header
    properties.created = properties.modified = CREATED.replace(tzinfo=None)
    document.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------------------------
# The real corpus in other formats


def convert_page(source: Path, target: Path, *, running_header: str | None = None) -> Path:
    """A page of the real corpus (.html, or .md rendered as Python-Markdown does) written as a PDF (its first h1 on
    a title page, a running header) or a Word file (the h1 in the Title style), as ``target``'s suffix says; the
    headings below the h1 are Heading 1-3 (see ``page_document``). A page without an h1 has no title page, as its
    web page has no title of its own. The running header is the page's <title> (else its title) unless given."""
    text = source.read_text(encoding="utf-8")
    html = markdown.markdown(text, extensions=["tables"]) if source.suffix.lower() in (".md", ".markdown") else text
    title, blocks = page_document(html)
    if running_header is None:
        head = BeautifulSoup(html, "html.parser").title
        running_header = _squash(head.get_text()) if head and head.get_text().strip() else title or source.stem
    if target.suffix.lower() == ".pdf":
        return write_pdf(blocks, target, title_page=title, running_header=running_header)
    if target.suffix.lower() == ".docx":
        return write_docx(blocks, target, running_header=running_header, title=title)
    raise ValueError(f"{target.name}: not a .pdf or .docx")
