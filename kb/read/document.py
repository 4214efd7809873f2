"""What every reader produces: a document's sections, in order, with their paragraphs and sentences.

A section also knows where it sits in the outline (its heading ``level`` and enclosing ``path``), so that a
fact can be placed under "<career>" > "<topic>" whatever format the document came in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb import patterns

INTRODUCTION = "Introduction"


class DocumentError(ValueError):
    """A document that cannot be used; the message says why (``kb.read`` puts the file's name first)."""


@dataclass
class Paragraph:
    text: str
    sentences: list[str] = field(default_factory=list)


@dataclass
class Section:
    heading: str
    group: str | None  # the heading this section is one of several under ("Hard Skills", "Related Careers")
    paragraphs: list[Paragraph] = field(default_factory=list)
    level: int = 1  # 1 for the document's title, 2, 3... for the headings under it
    path: tuple[str, ...] = ()  # the headings of the enclosing sections, outermost first

    @property
    def parent(self) -> str | None:
        """The heading of the nearest enclosing section."""
        return self.path[-1] if self.path else None

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Document:
    title: str | None  # the first top-level heading, or else the first heading
    sections: list[Section]
    marked: bool = False  # the title is marked as the page's own (an <h1>), not merely the first heading
    year: int | None = None  # when the document says it was written or last updated (its metadata, or its text)


def table_row(header: list[str], cells: list[str]) -> str:
    """A table row as every reader writes it: "Header: cell; Header: cell" (a cell with no header alone),
    so each cell keeps the column it is in and the row it belongs to; empty cells and dashes are left out."""
    pairs = zip(header + [""] * (len(cells) - len(header)), cells, strict=False)
    return "; ".join(f"{name}: {text}" if name else text for name, text in pairs if text and text not in "-–—")


def paragraph(text: str) -> Paragraph:
    """A paragraph split into sentences by the shared spaCy sentencizer."""
    spans = patterns.nlp()(text).sents  # a span's text is the paragraph's, cut at its offsets: cheaper than ``.text``
    sentences = [sentence for s in spans if (sentence := text[s.start_char : s.end_char].strip())]
    return Paragraph(text=text, sentences=sentences)


class Outline:
    """The headings open at the current point of a document, outermost first, to find each one's enclosing ones."""

    def __init__(self) -> None:
        self._open: list[tuple[int, str]] = []

    def enter(self, heading: str, level: int) -> tuple[str, ...]:
        """Open a heading; returns the headings enclosing it, the open ones of lower levels, outermost first."""
        while self._open and self._open[-1][0] >= level:
            self._open.pop()
        path = tuple(h for _, h in self._open)
        self._open.append((level, heading))
        return path
