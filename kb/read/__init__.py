"""Documents -> section tree: reads a career document into its title and sections.

One module per format: ``text`` (plain text), ``html`` (web pages saved from a site) and ``markdown``
(rendered to HTML by Python-Markdown, then read as a web page). The builder loads a document's text
first, to skip unchanged documents by fingerprint, and parses it only when it has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kb.read import html, markdown, text
from kb.read.document import INTRODUCTION, Document, Paragraph, Section

__all__ = ["INTRODUCTION", "READERS", "Document", "DocumentError", "Paragraph", "Section", "load", "parse", "read"]

READERS: dict[str, Callable[[str], Document]] = {
    ".txt": text.read,
    ".md": markdown.read,
    ".markdown": markdown.read,
    ".html": html.read,
    ".htm": html.read,
}


class DocumentError(ValueError):
    """A document that cannot be used; the message names the file."""


def read(path: Path) -> Document:
    return parse(load(path), path.suffix)


def load(path: Path) -> str:
    """The text of a document of a supported type; anything unusable is a DocumentError naming the file."""
    if path.suffix.lower() not in READERS:
        raise DocumentError(f"{path.name}: is not a supported type of document (supported: {', '.join(READERS)})")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path.name}: is not UTF-8 text (bad byte at offset {exc.start})") from exc
    if not content.strip():
        raise DocumentError(f"{path.name}: is empty")
    return content


def parse(content: str, suffix: str) -> Document:
    """A loaded document's sections, read as the type its file name's suffix says."""
    return READERS[suffix.lower()](content)
