"""Web pages saved from a site -> sections, paragraphs and sentences.

Only the page's own content is read: scripts, styles, forms, navigation, the site's header and
footer, asides, and elements whose id, class, role or aria-label mark them as cookie or consent
banners, menus, breadcrumbs or navigation are dropped. Headings h1-h6 open sections at their levels;
paragraphs, list items, definitions and table rows are the paragraphs. A table row is written as
"Header: cell; Header: cell", so every cell keeps the column it is in and the row it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from bs4 import BeautifulSoup
from bs4.element import NavigableString, PageElement, PreformattedString, Tag

from kb import figures
from kb.read.document import INTRODUCTION, Document, Outline, Section, paragraph, table_row

DROPPED = {"script", "style", "noscript", "template", "nav", "aside", "form"}
PAGE_ENDS = {"header", "footer"}  # the site's, unless inside a landmark: then they belong to its content
LANDMARKS = {"article", "aside", "main", "nav", "section"}
KEPT = {"html", "body", "main", "article"}  # the content itself, whatever its class says ("has-cookie-banner")
CHROME_WORDS = {
    "breadcrumb", "breadcrumbs", "consent", "cookie", "cookies", "gdpr", "menu", "nav", "navbar", "navigation",
    "sidebar", "share", "sharing", "social", "newsletter", "subscribe", "toolbar", "masthead", "skip", "advert",
    "ad", "ads", "promo",
}  # fmt: skip
MENU_ITEM_WORDS = 6  # a list whose every item is one link this short is a menu of the site, not content
QUESTION = re.compile(r"^(?:\d+[.)]\s+)?[A-Z][^?]{3,150}\?$")
CHROME_ROLES = {"navigation", "menu", "menubar", "banner", "contentinfo", "complementary"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TEXT_BLOCKS = {"p", "li", "dd"}
BLOCKS = HEADINGS | TEXT_BLOCKS | {
    "address", "article", "aside", "blockquote", "caption", "div", "dl", "dt", "figure", "ol", "pre", "section",
    "table", "td", "th", "tr", "ul",
}  # fmt: skip
LABELS = {"strong", "b"}
DATE_META = {
    "date", "dc.date", "dcterms.date", "dcterms.modified", "last-modified", "article:modified_time",
    "article:published_time", "datemodified", "datepublished",
}  # fmt: skip


class Block(NamedTuple):
    text: str
    level: int = 0  # a heading's level, 0 for a paragraph, BELOW for one level below the heading before it


BELOW = 7
MAX_BOLD_HEADING_WORDS = 12


def read(text: str) -> Document:
    """Sections in document order; a section's group is its parent heading, unless that is the title."""
    soup = BeautifulSoup(text, "lxml")  # lxml: the same tree as Python's parser on our pages, in two thirds the time
    year = _year(soup)
    for element in soup.find_all(_is_chrome):
        if not element.decomposed:  # not already gone with an enclosing element
            element.decompose()
    blocks = _subheadings(list(_blocks(soup.body or soup)))
    headings = [b for b in blocks if b.level]
    title = next((b.text for b in headings if b.level == 1), headings[0].text if headings else None)
    sections: list[Section] = []
    outline = Outline()
    for block in blocks:
        if block.level:
            path = outline.enter(block.text, block.level)
            group = path[-1] if path and path[-1] != title else None  # the title encloses everything: no group
            sections.append(Section(heading=block.text, group=group, level=block.level, path=path))
            continue
        if not sections:
            sections.append(Section(heading=INTRODUCTION, group=None))
        sections[-1].paragraphs.append(paragraph(block.text))
    marked = any(b.level == 1 for b in headings)
    return Document(title=title, sections=[s for s in sections if s.paragraphs], marked=marked, year=year)


def _year(soup: BeautifulSoup) -> int | None:
    """The year the page was written or last updated: its metadata's date (``<meta name="date">``,
    ``article:modified_time``, a ``<time datetime>``), else a date its text gives ("Last updated: ...")."""
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in DATE_META and (year := figures.year_of_date(str(meta.get("content", "")))):
            return year
    stamped = [y for t in soup.find_all("time") if (y := figures.year_of_date(str(t.get("datetime", ""))))]
    return max(stamped, default=None) or figures.dated(soup.get_text(" "))


def _subheadings(blocks: list[Block]) -> list[Block]:
    """Paragraphs that head what follows them, a level below the heading before them: a bold line of its own
    ("<p><strong>Patrol officer</strong></p>" over its figures), and, as FAQ pages head each answer, a
    question followed by a paragraph that is not one."""
    level = 1
    out = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        asks = (
            not block.level
            and QUESTION.match(block.text)
            and following is not None
            and not following.level
            and not QUESTION.match(following.text)
        )
        if asks or block.level == BELOW:
            block = Block(block.text, min(level + 1, 6))
        elif block.level:
            level = block.level
        out.append(block)
    return out


def _is_chrome(tag: Tag) -> bool:
    """Page furniture around the content: scripts, navigation, site header and footer, cookie banners,
    sidebars and sharing boxes, and lists that are only short links (a site's menus)."""
    if tag.name in PAGE_ENDS:
        return tag.find_parent(LANDMARKS) is None
    if tag.name in DROPPED:
        return True
    if tag.name in KEPT:
        return False
    if tag.name in ("ul", "ol") and _is_menu(tag):
        return True
    if str(tag.get("role", "")).lower() in CHROME_ROLES:
        return True
    described = " ".join([str(tag.get("id", "")), *tag.get("class", []), str(tag.get("aria-label", ""))])
    words = {w.lower() for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", described)}
    return bool(words & CHROME_WORDS)


def _bold_line(paragraph: Tag) -> bool:
    """A paragraph that is all one bold phrase, a short name, not a label ("Tuition:") or a sentence."""
    inner = [c for c in paragraph.children if not (isinstance(c, NavigableString) and not c.strip())]
    text = _text(paragraph)
    return (
        len(inner) == 1
        and isinstance(inner[0], Tag)
        and inner[0].name in LABELS
        and 0 < len(text.split()) <= MAX_BOLD_HEADING_WORDS
        and text[-1] not in ".:;,!"
    )


def _is_menu(tag: Tag) -> bool:
    items = tag.find_all("li", recursive=False)
    return len(items) >= 2 and all(
        (link := item.find("a")) is not None
        and _text(link) == _text(item)
        and 0 < len(_text(item).split()) <= MENU_ITEM_WORDS
        for item in items
    )


def _blocks(node: Tag) -> Iterator[Block]:
    """Headings and paragraphs under ``node``, in document order."""
    for child in node.children:
        if not isinstance(child, Tag):
            continue
        if child.name in HEADINGS:
            if text := _text(child):
                yield Block(text, int(child.name[1]))
        elif child.name == "table":
            yield from (Block(row) for row in _rows(child))
        elif child.name == "p" and _bold_line(child):
            yield Block(_text(child), BELOW)
        elif child.name in TEXT_BLOCKS:
            label = child.find_previous_sibling("dt") if child.name == "dd" else None
            for i, line in enumerate(_lines(child)):
                yield Block(f"{_text(label)}: {line}" if label and i == 0 else line)
            yield from _blocks(child)  # lists and paragraphs nested in a list item
        else:
            yield from _blocks(child)


def _lines(tag: Tag) -> list[str]:
    """The element's own text, without nested blocks, as lines: a <br> starts a new line, and so does a
    bold label that opens a line of the source, as in Markdown's "**Label:** value" lines."""
    lines: list[list[str]] = [[]]
    for child in tag.children:
        if isinstance(child, Tag) and child.name in BLOCKS:
            continue
        if _starts_line(child):
            lines.append([])
        lines[-1].append(_inline(child))
    return [text for parts in lines if (text := _squash("".join(parts)))]


def _starts_line(element: PageElement) -> bool:
    if not isinstance(element, Tag):
        return False
    if element.name == "br":
        return True
    before = element.previous_sibling
    return (
        element.name in LABELS
        and _text(element).endswith(":")
        and isinstance(before, NavigableString)
        and before.rstrip(" \t").endswith("\n")
    )


def _rows(table: Tag) -> Iterator[str]:
    """The caption, then each row as "Header: cell; ...", the header being the last row of <th> cells."""
    caption = table.find("caption", recursive=False)
    if caption and (text := _text(caption)):
        yield text
    header: list[str] = []
    for row in table.find_all("tr"):
        if row.find_parent("table") is not table:
            continue  # a table nested in a cell is read as part of that cell
        cells = row.find_all(["th", "td"], recursive=False)
        texts = [_text(cell) for cell in cells]
        if cells and all(cell.name == "th" for cell in cells):
            header = texts
            continue
        if not header and len(cells) >= 2 and cells[0].name == "th":  # a row headed by its label
            yield f"{texts[0]}: {' '.join(t for t in texts[1:] if t)}"
        elif line := table_row(header, texts):
            yield line


def _text(element: PageElement) -> str:
    return _squash(_inline(element))


def _inline(element: PageElement) -> str:
    """All text under an element; block boundaries and line breaks become spaces, comments vanish."""
    if isinstance(element, PreformattedString):
        return ""
    if isinstance(element, NavigableString):
        return str(element)
    if not isinstance(element, Tag) or element.name == "br":
        return " "
    inner = "".join(_inline(child) for child in element.children)
    return f" {inner} " if element.name in BLOCKS else inner


def _squash(text: str) -> str:
    return " ".join(text.split())
